#!/usr/bin/env node
// Pretrained quality against pretraining time and against width (issue 15), on the fidelity
// benchmark's case A (bench/fidelity-cases.mjs: a lines object the models never saw, under the demo
// probe, 1024 positions at 10⁹ photons): each model reconstructs it with `ptycho infer` alone — no
// fine-tuning, no ePIE — and is scored with `ptycho evaluate --truth`, as a user would.
//
//   node bench/pretrain-curve.mjs [--work bench/out/pretrain-demo] [--widths 0.25,1] [--width-minutes 15] [--out DIR]
//
// Time: the snapshots of the demo model's pretraining (npm run pretrain:demo with
// --snapshot-minutes 5,15,30: WORK/model/snapshots/<m>min) and the shipped model
// (apps/cli/models/demo, at the minutes of its card). Width: `ptycho pretrain` under the same probe, seed and
// settings at f = each of --widths for --width-minutes (cached in OUT/width-f<f>-<m>min), beside
// the f 0.5 snapshot of the same minutes. JSON on stdout, a Markdown table on stderr.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { caseSimulateArgs } from './fidelity-cases.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'apps/cli/dist/main.js');
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
const { values } = parseArgs({
  options: {
    work: { type: 'string', default: path.join(root, 'bench/out/pretrain-demo') },
    widths: { type: 'string', default: '0.25,1' },
    'width-minutes': { type: 'string', default: '15' },
    out: { type: 'string', default: path.join(root, 'bench/out/pretrain-curve') },
  },
});
const log = (s) => process.stderr.write(`${s}\n`);
const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? '2' };

/** `ptycho ARGS`; @returns stdout. @throws with the tail of stderr. */
function ptycho(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`ptycho ${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return r.stdout;
}

fs.mkdirSync(values.out, { recursive: true });
const scan = path.join(values.out, 'case-A.npz');
if (!fs.existsSync(scan)) ptycho(['simulate', '--out', scan, ...caseSimulateArgs('A'), '--quiet']);
const probe = path.join(values.work, 'demo-probe-rms15.5.npz');
const widthMinutes = Number(values['width-minutes']);

const models = [];
for (const m of [5, 15, 30]) models.push({ series: 'time', f: 0.5, minutes: m, dir: path.join(values.work, `model/snapshots/${m}min`) });
// The shipped model, at the minutes its card records (it may be one of the snapshots above).
const shipped = path.join(root, 'apps/cli/models/demo');
if (fs.existsSync(path.join(shipped, 'model-card.json'))) {
  const card = JSON.parse(fs.readFileSync(path.join(shipped, 'model-card.json'), 'utf8'));
  models.push({ series: 'shipped', f: card.nFiltersScale, minutes: Number((card.training.seconds / 60).toFixed(1)), dir: shipped });
}
for (const f of values.widths.split(',').map(Number)) {
  const dir = path.join(values.out, `width-f${f}-${widthMinutes}min`);
  if (!fs.existsSync(path.join(dir, 'config.json'))) {
    if (!fs.existsSync(probe)) throw new Error(`${probe} is missing: npm run pretrain:demo writes it`);
    log(`pretraining f ${f} for ${widthMinutes} min → ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    ptycho(['pretrain', '--probe', probe, '--out', dir, '--seed', '0', '--max-minutes', String(widthMinutes), '--filters-scale', String(f), '--quiet']);
  }
  models.push({ series: 'width', f, minutes: widthMinutes, dir });
}
models.push({ series: 'width', f: 0.5, minutes: widthMinutes, dir: path.join(values.work, `model/snapshots/${widthMinutes}min`) });

const rows = [];
for (const m of models) {
  if (!fs.existsSync(path.join(m.dir, 'model-card.json'))) { log(`skipped (absent): ${m.dir}`); continue; }
  const card = JSON.parse(fs.readFileSync(path.join(m.dir, 'model-card.json'), 'utf8'));
  const out = path.join(values.out, `infer-${m.series}-f${m.f}-${m.minutes}min`);
  fs.rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  ptycho(['infer', '--model', m.dir, '--data', scan, '--out', out, '--quiet']);
  const seconds = (performance.now() - t0) / 1000;
  const s = JSON.parse(ptycho(['evaluate', '--recon', path.join(out, 'reconstruction.npz'), '--truth', scan, '--json']));
  const row = {
    ...m, dir: path.relative(root, m.dir), patternsSeen: card.training.patternsSeen, epochs: card.training.epochs,
    pretrainSeconds: card.training.seconds, heldOut: card.validation, amp_ssim: s.amp_ssim, phase_ssim: s.phase_ssim,
    amp_frc50: s.amp_frc50, phase_frc50: s.phase_frc50, inferSeconds: Number(seconds.toFixed(1)),
  };
  rows.push(row);
  log(`${m.series} f ${m.f} ${m.minutes} min: ${row.patternsSeen} patterns, case A ${s.amp_ssim.toFixed(3)}/${s.phase_ssim.toFixed(3)} in ${row.inferSeconds} s`);
}
const f3 = (v) => (typeof v === 'number' ? v.toFixed(3) : '–');
log('\n| series | f | minutes | patterns seen | held-out SSIM (amp/phase) | case A SSIM (amp/phase) | case A FRC50 (amp/phase) | infer seconds |');
log('|---|---|---|---|---|---|---|---|');
for (const r of rows) log(`| ${r.series} | ${r.f} | ${r.minutes} | ${r.patternsSeen} | ${f3(r.heldOut?.amp_ssim)}/${f3(r.heldOut?.phase_ssim)} | ${f3(r.amp_ssim)}/${f3(r.phase_ssim)} | ${f3(r.amp_frc50)}/${f3(r.phase_frc50)} | ${r.inferSeconds} |`);
process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), scan: path.relative(root, scan), caseArgs: caseSimulateArgs('A'), rows }, null, 2)}\n`);
