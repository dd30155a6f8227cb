#!/usr/bin/env node
// ePIE fidelity on a realistic simulated scan: SSIM (and the other SPEC §4 metrics, by
// `ptycho evaluate`) after 20, 100 and 300 iterations from a flat object, for rPIE α ∈ {0.3, 1},
// at 1e9 and 1e4 photons per pattern. Seeds the fidelity benchmark; rerun with
//   npm run build && node bench/epie-fidelity.mjs [--checkpoints 20,100,300] [--alphas 0.3,1]
//        [--doses 1e9,1e4] [--step 3] [--out bench/out/epie-fidelity]
// Scans: `ptycho simulate` with its defaults (160×160 lines object, default probe with rms radius
// ≈ 12.9 px, jittered grid) at --step 3 (1089 positions), seed 0, so both doses share object and
// positions. Each (dose, α) is one continuous run of `epie` (@ptychojs/physics, the function behind
// `ptycho epie`) whose object is saved at each checkpoint and scored with `ptycho evaluate`.
// Takes ~10 min on 2 cores. JSON on stdout; a table on stderr.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'apps/cli/dist/main.js');
const { values } = parseArgs({
  options: {
    checkpoints: { type: 'string', default: '20,100,300' },
    alphas: { type: 'string', default: '0.3,1' },
    doses: { type: 'string', default: '1e9,1e4' },
    step: { type: 'string', default: '3' },
    seed: { type: 'string', default: '0' },
    out: { type: 'string', default: path.join(root, 'bench/out/epie-fidelity') },
  },
});
const list = (s) => s.split(',').map(Number);
const checkpoints = list(values.checkpoints), alphas = list(values.alphas), doses = list(values.doses);
const last = Math.max(...checkpoints);
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

const { epie } = await import('@ptychojs/physics');
const { encodeReconstruction } = await import('@ptychojs/io');
const { loadRawData, writeNpzFile } = await import('@ptychojs/io/node');
const ptycho = (args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });

fs.mkdirSync(values.out, { recursive: true });
const rows = [];
for (const dose of doses) {
  const scan = path.join(values.out, `scan-${dose}.npz`);
  const sim = JSON.parse(ptycho(['simulate', '--out', scan, '--nphotons', String(dose), '--step', values.step, '--seed', values.seed, '--json']));
  const raw = loadRawData(scan);
  for (const alpha of alphas) {
    const snapshots = [];
    const t0 = performance.now();
    const res = epie({
      diffraction: raw.diff3d, probe: raw.probeGuess, xs: raw.xcoords, ys: raw.ycoords, iterations: last, rpieAlpha: alpha, seed: 0,
      onIteration: (p) => {
        if (!checkpoints.includes(p.iteration)) return;
        const file = path.join(values.out, `recon-${dose}-a${alpha}-it${p.iteration}.npz`);
        writeNpzFile(file, { ...encodeReconstruction(p.current) });
        snapshots.push({ iteration: p.iteration, file, cost: p.cost, seconds: p.seconds });
        process.stderr.write(`dose ${dose} α ${alpha}: iteration ${p.iteration}, cost ${p.cost.toExponential(3)}, ${p.seconds.toFixed(0)} s\n`);
      },
    });
    const secondsPerIteration = (performance.now() - t0) / 1000 / last;
    for (const s of snapshots) {
      const m = JSON.parse(ptycho(['evaluate', '--recon', s.file, '--truth', scan, '--out', path.join(values.out, path.basename(s.file, '.npz')), '--json', '--quiet']));
      rows.push({ nphotons: dose, alpha, iteration: s.iteration, cost: s.cost, amp_ssim: m.amp_ssim, phase_ssim: m.phase_ssim, amp_msssim: m.amp_msssim, phase_msssim: m.phase_msssim, amp_frc50: m.amp_frc50, phase_frc50: m.phase_frc50, amp_psnr: m.amp_psnr, phase_psnr: m.phase_psnr });
    }
    rows.at(-1).secondsPerIteration = secondsPerIteration;
    rows.at(-1).probeScale = res.probeScale;
  }
  process.stderr.write(`scan ${scan}: M = ${sim.M}, mean counts ${sim.meanCounts}\n`);
}
const r4 = (v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v);
const table = ['| photons | α | iterations | cost | amp SSIM | phase SSIM | amp MS-SSIM | phase MS-SSIM | amp FRC50 | phase FRC50 |', '|---|---|---|---|---|---|---|---|---|---|'];
for (const r of rows) table.push(`| ${r.nphotons} | ${r.alpha} | ${r.iteration} | ${r4(r.cost)} | ${r4(r.amp_ssim)} | ${r4(r.phase_ssim)} | ${r4(r.amp_msssim)} | ${r4(r.phase_msssim)} | ${r4(r.amp_frc50)} | ${r4(r.phase_frc50)} |`);
process.stderr.write(`${table.join('\n')}\n`);
const result = { node: process.version, date: new Date().toISOString(), settings: { ...values, checkpoints, alphas, doses }, rows };
fs.writeFileSync(path.join(values.out, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
