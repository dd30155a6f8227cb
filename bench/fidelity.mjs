#!/usr/bin/env node
// Fidelity benchmark (issue 8): the network (`ptycho run`), the network refined by ePIE
// (`ptycho run --refine K`) and ePIE from a flat start (α tuned per case, run to convergence), on
// four seeded cases simulated with `ptycho simulate`. Scores: amplitude and phase SSIM, MS-SSIM and
// FRC50 of SPEC §4 (`evaluateReconstruction`, the function behind `ptycho evaluate`, with the scan
// box of the case file as `ptycho evaluate --truth CASE.npz` takes it), and wall times.
//
//   npm run bench:fidelity -- [--cases A,B,C,D] [--quick] [--out DIR] [--run-flags="--object-extent border"]
//                             [--alphas 0.1,0.3,1] [--no-cache] [--pretrain-minutes 30] [--pretrain-flags="…"]
//                             [--pretrained DIR] [--finetune-minutes 2]
//
// Transfer (issue 15): per case, a network pretrained on simulated scans under the case's probe
// (`ptycho pretrain --max-minutes M`, cached by probe and settings, so cases A–C share one; or
// --pretrained DIR for every case whose probe it fits) reconstructs the case's scan — an object it
// never saw — as it is, then fine-tuned for --finetune-minutes, then refined by ePIE
// (`ptycho run --init-model`): quality and seconds of each beside ePIE. --pretrain-minutes 0 skips it.
//
// JSON on stdout; a table on stderr; per case a PNG mosaic (truth, network, refined, ePIE; amplitude
// and phase rows) at OUT/CASE/mosaic.png. Simulated case files are cached in OUT/cache/ by their
// simulate arguments; ePIE results (which do not depend on --run-flags) are cached by case and ePIE
// settings, so a rerun with other network flags costs only the network runs (--no-cache redoes
// everything). Run it under `nice` when others share the machine. See README "Fidelity benchmark".
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decode, encode } from 'fast-png';

import { CASES, FLY001, caseSimulateArgs } from './fidelity-cases.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'apps/cli/dist/main.js');
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench:fidelity does)`);
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: 'A,B,C,D' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench/out/fidelity') },
    'run-flags': { type: 'string', default: '' },
    alphas: { type: 'string', default: '0.1,0.3,1' },
    'no-cache': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'pretrain-minutes': { type: 'string', default: '30' },
    'pretrain-flags': { type: 'string', default: '' },
    pretrained: { type: 'string' },
    'finetune-minutes': { type: 'string', default: '2' },
  },
});
const { epie } = await import('@ptychojs/physics');
const { encodeReconstruction, parseReconstruction } = await import('@ptychojs/io');
const { loadRawData, readNpzFile, writeNpzFile } = await import('@ptychojs/io/node');
const { alignForEvaluation, evaluateReconstruction, scanBoxFromPositions } = await import('@ptychojs/metrics');
const { imageFigureSvg } = await import('@ptychojs/pipeline');
const { svgToPng } = await import('@ptychojs/pipeline/node');

const quick = values.quick;
const alphas = values.alphas.split(',').map(Number);
const runFlags = values['run-flags'].trim() ? values['run-flags'].trim().split(/\s+/) : [];
const fly001 = FLY001;
const pretrainMinutes = Number(values['pretrain-minutes']);
const pretrainFlags = values['pretrain-flags'].trim() ? values['pretrain-flags'].trim().split(/\s+/) : [];
const { probeSimilarity } = await import('@ptychojs/physics');
const { toComplexArray } = await import('@ptychojs/io');

// Budgets (per case ≤ 10 minutes on 2 cores): training stops after the step that crosses
// --max-minutes; refinement ≈ 1 minute; ePIE: the α grid, then the best α until the cost stops
// falling (< 0.1% over 20 iterations), at least 300 iterations on sparse scans, within a time cap.
const B = quick
  ? { maxMinutes: 0.5, refineSeconds: 20, gridIterations: { dense: 15, sparse: 100 }, minIterations: { dense: 30, sparse: 100 }, maxIterations: 150, epieCapSeconds: 60 }
  : { maxMinutes: 2.5, refineSeconds: 60, gridIterations: { dense: 40, sparse: 300 }, minIterations: { dense: 100, sparse: 300 }, maxIterations: 2000, epieCapSeconds: 180 };
const TARGETS = {
  A: 'network within 0.05 SSIM of ePIE (amplitude and phase)',
  B: 'network better than ePIE (SSIM, amplitude and phase)',
  C: 'network better than ePIE (SSIM, amplitude and phase)',
  D: 'network SSIM ≥ 0.90 (amplitude and phase)',
};

const log = (s) => process.stderr.write(`${s}\n`);
const hash = (v) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);
const r4 = (v) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(4)) : v);
const pick = (m) => ({ amp_ssim: m.amp_ssim, phase_ssim: m.phase_ssim, amp_msssim: m.amp_msssim, phase_msssim: m.phase_msssim, amp_frc50: m.amp_frc50, phase_frc50: m.phase_frc50 });

/** `ptycho ARGS` as a child process; stderr lines streamed with a prefix; resolves to stdout. */
function ptycho(args, prefix, logFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', buf = '';
    const logStream = logFile ? fs.createWriteStream(logFile) : undefined;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => {
      logStream?.write(d);
      buf += d;
      const lines = buf.split(/\r?\n/);
      buf = lines.pop();
      for (const l of lines) if (l.trim()) log(`${prefix} ${l}`);
    });
    child.on('close', (code) => {
      logStream?.end();
      if (code === 0) resolve(out);
      else reject(new Error(`ptycho ${args.join(' ')} exited ${code}${logFile ? ` (log: ${logFile})` : ''}`));
    });
  });
}

/** The case's scan file, simulated once per set of arguments. */
async function caseFile(name, spec) {
  const args = caseSimulateArgs(name, { quick, seed: values.seed });
  if (spec.sim.includes(`from:${fly001}`) && !fs.existsSync(fly001)) throw new Error(`case ${name} needs ${fly001} (the shared data)`);
  const file = path.join(values.out, 'cache', `case-${name}-${hash(args)}.npz`);
  const info = `${file}.json`;
  if (!values['no-cache'] && fs.existsSync(file) && fs.existsSync(info)) return { file, args, sim: JSON.parse(fs.readFileSync(info, 'utf8')), cached: true };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sim = JSON.parse(await ptycho(['simulate', '--out', file, ...args, '--json', '--quiet'], `[${name} simulate]`));
  fs.writeFileSync(info, JSON.stringify(sim, null, 2));
  return { file, args, sim, cached: false };
}

function score(recon, truth) {
  return pick(evaluateReconstruction(recon.object, recon.canvasOrigin, truth.object, truth.scanBox).metrics);
}

/** ePIE from flat: the α grid, then the best α (by mean SSIM vs truth) continued until the cost stops falling. */
function epieTuned(name, raw, truth, sparse) {
  const gridIts = sparse ? B.gridIterations.sparse : B.gridIterations.dense;
  const grid = [];
  let best;
  for (const alpha of alphas) {
    const t0 = performance.now();
    const res = epie({
      diffraction: raw.diff3d, probe: raw.probeGuess, xs: raw.xcoords, ys: raw.ycoords, iterations: gridIts, rpieAlpha: alpha, seed: 0,
      onIteration: (p) => { if (p.iteration % 10 === 0 || p.iteration === gridIts) process.stderr.write(`[${name} ePIE α=${alpha}] ${p.iteration}/${gridIts}, cost ${p.cost.toExponential(3)}, ${(p.seconds / p.iteration).toFixed(3)} s/it, ETA ${((gridIts - p.iteration) * p.seconds / p.iteration).toFixed(0)} s\n`); },
    });
    const seconds = (performance.now() - t0) / 1000;
    const m = score(res.reconstruction, truth);
    const row = { alpha, iterations: gridIts, cost: res.cost[gridIts - 1], seconds, secondsPerIteration: seconds / gridIts, ...m };
    grid.push(row);
    if (!best || m.amp_ssim + m.phase_ssim > best.row.amp_ssim + best.row.phase_ssim) best = { row, res, cost: Array.from(res.cost), seconds };
  }
  // Continue the best α from where it stands, 10 iterations at a time.
  const alpha = best.row.alpha, minIts = sparse ? B.minIterations.sparse : B.minIterations.dense;
  let { res } = best;
  const cost = best.cost;
  let seconds = best.seconds, stop = 'converged (cost fell < 0.1% over the last 20 iterations)';
  const falling = () => cost.length < 21 || cost[cost.length - 21] - cost[cost.length - 1] > 1e-3 * cost[cost.length - 1];
  while (cost.length < minIts || falling()) {
    if (cost.length >= B.maxIterations) { stop = `iteration cap ${B.maxIterations}`; break; }
    const gridSeconds = grid.reduce((s, g) => s + g.seconds, 0) - best.seconds;
    if (gridSeconds + seconds > B.epieCapSeconds && cost.length >= minIts) { stop = `time cap ${B.epieCapSeconds} s (cost still falling)`; break; }
    const t0 = performance.now();
    res = epie({
      diffraction: raw.diff3d, probe: raw.probeGuess, xs: raw.xcoords, ys: raw.ycoords, iterations: 10, rpieAlpha: alpha, seed: cost.length,
      initialObject: res.reconstruction,
    });
    seconds += (performance.now() - t0) / 1000;
    cost.push(...res.cost);
    process.stderr.write(`[${name} ePIE α=${alpha}] ${cost.length} iterations, cost ${cost.at(-1).toExponential(4)}, ${seconds.toFixed(0)} s\n`);
  }
  return { alpha, iterations: cost.length, seconds, secondsPerIteration: seconds / cost.length, stop, finalCost: cost.at(-1), grid, reconstruction: res.reconstruction, metrics: score(res.reconstruction, truth) };
}

/** One PNG: a row of amplitude panels and a row of phase panels (truth, network, refined, ePIE), aligned as scored. */
function mosaicPng(truth, recons) {
  const panels = [[], []];
  const aligned = recons.map((r) => ({ ...r, a: alignForEvaluation(r.recon.object, r.recon.canvasOrigin, truth.object, truth.scanBox) }));
  const t = aligned[0].a;
  const range = (x) => { let lo = Infinity, hi = -Infinity; for (const v of x) { lo = Math.min(lo, v); hi = Math.max(hi, v); } return [lo, hi]; };
  const [amin, amax] = range(t.truthAmplitude), [pmin, pmax] = range(t.truthPhase);
  const scale = Math.max(1, Math.round(240 / Math.max(t.height, t.width)));
  // Each method's crop is its own (a reconstruction that covers less of the scan box is cropped smaller).
  const cols = [{ label: 'TRUTH', amp: t.truthAmplitude, phase: t.truthPhase, height: t.height, width: t.width }, ...aligned.map((r) => ({ label: r.label, amp: r.a.reconAmplitude, phase: r.a.reconPhase, height: r.a.height, width: r.a.width, m: r.metrics }))];
  cols.forEach((c, i) => {
    const last = i === cols.length - 1;
    const f = (v) => v.toFixed(3);
    panels[0].push(decode(svgToPng(imageFigureSvg(c.amp, c.height, c.width, { vmin: amin, vmax: amax, colormap: 'gray', scale, colorbar: last, title: `AMP ${c.label}${c.m ? ` ${f(c.m.amp_ssim)}` : ''}` }))));
    panels[1].push(decode(svgToPng(imageFigureSvg(c.phase, c.height, c.width, { vmin: pmin, vmax: pmax, colormap: 'viridis', scale, colorbar: last, title: `PHASE ${c.label}${c.m ? ` ${f(c.m.phase_ssim)}` : ''}` }))));
  });
  const W = Math.max(...panels.map((row) => row.reduce((s, p) => s + p.width, 0)));
  const rowH = panels.map((row) => Math.max(...row.map((p) => p.height)));
  const H = rowH[0] + rowH[1];
  const data = new Uint8Array(W * H * 3).fill(255);
  let y = 0;
  panels.forEach((row, ri) => {
    let x = 0;
    for (const p of row) {
      const ch = p.channels;
      for (let r = 0; r < p.height; r++) for (let c = 0; c < p.width; c++) {
        const s = (r * p.width + c) * ch, d = ((y + r) * W + x + c) * 3;
        data[d] = p.data[s]; data[d + 1] = p.data[s + 1]; data[d + 2] = p.data[s + 2];
      }
      x += p.width;
    }
    y += rowH[ri];
  });
  return encode({ width: W, height: H, data, channels: 3, depth: 8 });
}

const readRecon = (file) => parseReconstruction(readNpzFile(file), file);

/**
 * A pretrained model for this probe: --pretrained when its probe correlates ≥ 0.9 with the case's,
 * else `ptycho pretrain` under the case's probe, cached by the probe's values and the settings.
 */
async function pretrainedFor(name, caseFilePath, raw) {
  if (values.pretrained) {
    const p = toComplexArray(readNpzFile(path.join(values.pretrained, 'probe.npz')).probeGuess);
    const c = probeSimilarity(p, raw.probeGuess).correlation;
    if (c >= 0.9) return { dir: values.pretrained, cached: true, minutes: null, given: true };
    log(`[${name}] --pretrained ${values.pretrained}: probe correlation ${c.toFixed(3)} < 0.9, pretraining for this probe`);
  }
  const key = hash({ probe: hash(Array.from(raw.probeGuess.re).concat(Array.from(raw.probeGuess.im))), minutes: pretrainMinutes, flags: pretrainFlags, quick });
  const dir = path.join(values.out, 'cache', `pretrained-${key}`);
  if (!values['no-cache'] && fs.existsSync(path.join(dir, 'config.json'))) return { dir, cached: true, minutes: pretrainMinutes, given: false };
  const resume = fs.existsSync(path.join(dir, 'checkpoint')) && !values['no-cache'];
  if (!resume) fs.rmSync(dir, { recursive: true, force: true });
  const args = ['pretrain', '--probe', caseFilePath, '--out', dir, '--max-minutes', String(pretrainMinutes), '--seed', '0', ...(resume ? ['--resume'] : []), ...pretrainFlags, '--json'];
  log(`[${name}] ptycho ${args.join(' ')}`);
  await ptycho(args, `[${name} pretrain]`, path.join(values.out, 'cache', `pretrained-${key}.log`));
  return { dir, cached: false, minutes: pretrainMinutes, given: false };
}

/** The pretrained network on the case (as it is, fine-tuned, refined), scored by the run itself. */
async function transfer(name, c, raw, ep, K, dir) {
  const model = await pretrainedFor(name, c.file, raw);
  const card = JSON.parse(fs.readFileSync(path.join(model.dir, 'model-card.json'), 'utf8'));
  const runDir = path.join(dir, `transfer-${hash({ model: model.dir, runFlags, f: values['finetune-minutes'] })}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  const args = ['run', '--data', c.file, '--out', runDir, '--init-model', model.dir, '--max-minutes', values['finetune-minutes'], '--refine', String(K), '--epie-alpha', String(ep.alpha), '--no-half-scan', ...runFlags, '--json'];
  log(`[${name}] ptycho ${args.join(' ')}`);
  const summary = JSON.parse(await ptycho(args, `[${name} transfer]`, path.join(dir, 'transfer.log')));
  const by = Object.fromEntries(summary.methods.map((m) => [m.method, m]));
  const pick2 = (m) => ({ ...pick(m.metrics), seconds: m.seconds, totalSeconds: m.totalSeconds });
  const recons = {
    pretrained: readRecon(path.join(runDir, 'pretrained/reconstruction.npz')),
    finetuned: readRecon(path.join(runDir, 'recon/reconstruction.npz')),
    refined: readRecon(path.join(runDir, 'refined/reconstruction.npz')),
  };
  return {
    model: { dir: model.dir, cached: model.cached, pretrainMinutes: model.minutes, given: model.given, patternsSeen: card.training.patternsSeen, epochs: card.training.epochs, seconds: card.training.seconds, backend: card.training.backend, validation: card.validation, nFiltersScale: card.nFiltersScale },
    pretrained: pick2(by.pretrained), finetuned: { ...pick2(by.network), epochs: summary.train.epochs }, refined: { ...pick2(by.refined), iterations: K },
    recons, runDir, runCommand: `ptycho ${args.join(' ')}`,
  };
}

const t00 = performance.now();
fs.mkdirSync(values.out, { recursive: true });
const results = [];
for (const name of values.cases.split(',').map((s) => s.trim().toUpperCase())) {
  const spec = CASES[name];
  if (!spec) throw new Error(`unknown case '${name}': one of ${Object.keys(CASES).join(', ')}`);
  const tCase = performance.now();
  const c = await caseFile(name, spec);
  const raw = loadRawData(c.file);
  const truth = { object: raw.objectGuess, scanBox: scanBoxFromPositions(raw.xcoords, raw.ycoords) };
  const dir = path.join(values.out, name);
  fs.mkdirSync(dir, { recursive: true });
  log(`[${name}] ${spec.what}: ${c.file}${c.cached ? ' (cached)' : ''}, M = ${raw.M}, probe rms ${c.sim.probeRmsRadius.toFixed(2)} px, ${(100 * c.sim.probeEnergyOutsideCentre).toFixed(1)}% outside the central square`);

  // (iii) ePIE from flat, α tuned; cached by case and ePIE settings.
  const epieKey = hash({ case: c.args, alphas, B, sparse: spec.sparse });
  const epieDir = path.join(values.out, 'cache', `epie-${name}-${epieKey}`);
  let ep;
  if (!values['no-cache'] && fs.existsSync(path.join(epieDir, 'result.json'))) {
    ep = { ...JSON.parse(fs.readFileSync(path.join(epieDir, 'result.json'), 'utf8')), cached: true };
    ep.reconstruction = readRecon(path.join(epieDir, 'reconstruction.npz'));
    log(`[${name}] ePIE: cached (${epieDir})`);
  } else {
    ep = epieTuned(name, raw, truth, spec.sparse);
    fs.mkdirSync(epieDir, { recursive: true });
    writeNpzFile(path.join(epieDir, 'reconstruction.npz'), { ...encodeReconstruction(ep.reconstruction) });
    const { reconstruction: _r, ...rest } = ep;
    fs.writeFileSync(path.join(epieDir, 'result.json'), JSON.stringify(rest, null, 2));
    ep.cached = false;
  }

  // (i) + (ii) the network with the default settings plus a training budget, refined by K ePIE
  // iterations at the case's best α (K ≈ refineSeconds of ePIE, at most what ePIE from flat needed).
  const K = Math.max(10, Math.min(Math.round(B.refineSeconds / ep.secondsPerIteration), ep.iterations));
  const runDir = path.join(dir, `run-${hash(runFlags)}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  const runArgs = ['run', '--data', c.file, '--out', runDir, '--max-minutes', String(B.maxMinutes), '--refine', String(K), '--epie-alpha', String(ep.alpha), '--no-half-scan', ...runFlags, '--json'];
  log(`[${name}] ptycho ${runArgs.join(' ')}`);
  const tRun = performance.now();
  const summary = JSON.parse(await ptycho(runArgs, `[${name} run]`, path.join(dir, 'run.log')));
  const runWall = (performance.now() - tRun) / 1000;
  const net = readRecon(path.join(runDir, 'recon/reconstruction.npz'));
  const ref = readRecon(path.join(runDir, 'refined/reconstruction.npz'));
  const mNet = score(net, truth), mRef = score(ref, truth);
  // The run scored itself with the same function (evaluateAndWrite): the numbers must agree.
  if (Math.abs(mNet.amp_ssim - summary.metrics.amp_ssim) > 1e-9) throw new Error(`[${name}] network SSIM ${mNet.amp_ssim} differs from the run's own ${summary.metrics.amp_ssim}`);
  const [netM, refM] = summary.methods;

  const tr = pretrainMinutes > 0 || values.pretrained ? await transfer(name, c, raw, ep, K, dir) : undefined;
  const mosaic = path.join(dir, 'mosaic.png');
  fs.writeFileSync(mosaic, mosaicPng(truth, [
    ...(tr ? [{ label: 'PRETRAINED', recon: tr.recons.pretrained, metrics: score(tr.recons.pretrained, truth) }, { label: 'FINE-TUNED', recon: tr.recons.finetuned, metrics: score(tr.recons.finetuned, truth) }] : []),
    { label: 'NETWORK', recon: net, metrics: mNet }, { label: 'REFINED', recon: ref, metrics: mRef }, { label: 'EPIE', recon: ep.reconstruction, metrics: ep.metrics },
  ]));
  const d = (a, b) => Math.min(a.amp_ssim - b.amp_ssim, a.phase_ssim - b.phase_ssim);
  const target = {
    A: { text: TARGETS.A, met: Math.abs(mNet.amp_ssim - ep.metrics.amp_ssim) <= 0.05 && Math.abs(mNet.phase_ssim - ep.metrics.phase_ssim) <= 0.05 },
    B: { text: TARGETS.B, met: d(mNet, ep.metrics) > 0 },
    C: { text: TARGETS.C, met: d(mNet, ep.metrics) > 0 },
    D: { text: TARGETS.D, met: mNet.amp_ssim >= 0.9 && mNet.phase_ssim >= 0.9 },
  }[name];
  const res = {
    case: name, what: spec.what, file: c.file, simulate: c.args, M: raw.M, probeRmsRadius: c.sim.probeRmsRadius, probeEnergyOutsideCentre: c.sim.probeEnergyOutsideCentre,
    network: { ...mNet, seconds: netM.seconds, trainSeconds: summary.train.seconds, epochs: summary.train.epochs, stopReason: summary.train.stopReason, runWallSeconds: runWall },
    refined: { ...mRef, iterations: K, alpha: ep.alpha, seconds: refM.seconds, totalSeconds: refM.totalSeconds, finalCost: refM.finalCost },
    epie: { ...ep.metrics, alpha: ep.alpha, iterations: ep.iterations, seconds: ep.seconds, stop: ep.stop, finalCost: ep.finalCost, cached: ep.cached, alphaGrid: ep.grid, gridSeconds: ep.grid.reduce((s, g) => s + g.seconds, 0) },
    ...(tr ? { transfer: { model: tr.model, pretrained: tr.pretrained, finetuned: tr.finetuned, refined: tr.refined, runDir: tr.runDir, runCommand: tr.runCommand } } : {}),
    target, mosaic, runDir, runCommand: `ptycho ${runArgs.join(' ')}`,
    caseWallSeconds: (performance.now() - tCase) / 1000,
  };
  results.push(res);
  log(`[${name}] done in ${res.caseWallSeconds.toFixed(0)} s; target ${target.met ? 'met' : 'NOT met'}: ${target.text}; mosaic ${mosaic}`);
}

const f = (v, k = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(k) : String(v));
const lines = [
  quick ? '**QUICK run: smaller scans, fewer iterations and budgets — not the benchmark.**' : '',
  `| case | method | amp SSIM | phase SSIM | amp MS-SSIM | phase MS-SSIM | amp FRC50 | phase FRC50 | seconds | notes |`,
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const r of results) {
  const row = (method, m, secs, note) => lines.push(`| ${r.case} | ${method} | ${f(m.amp_ssim)} | ${f(m.phase_ssim)} | ${f(m.amp_msssim)} | ${f(m.phase_msssim)} | ${f(m.amp_frc50)} | ${f(m.phase_frc50)} | ${f(secs, 0)} | ${note} |`);
  row('network', r.network, r.network.seconds, `${r.network.epochs} epoch(s), ${r.network.stopReason}`);
  row('network + refine', r.refined, r.refined.totalSeconds, `K = ${r.refined.iterations}, α ${r.refined.alpha}, refine ${f(r.refined.seconds, 0)} s`);
  if (r.transfer) {
    const t = r.transfer, mdl = t.model;
    const about = `${mdl.given ? 'given model' : `pretrained ${mdl.pretrainMinutes} min`}, f ${mdl.nFiltersScale}, ${mdl.patternsSeen} patterns${mdl.cached ? ', cached' : ''}`;
    row('pretrained (alone)', t.pretrained, t.pretrained.seconds, `${about}; inference only`);
    row('pretrained + fine-tune', t.finetuned, t.finetuned.totalSeconds, `${t.finetuned.epochs} epoch(s) in ${values['finetune-minutes']} min`);
    row('pretrained + fine-tune + refine', t.refined, t.refined.totalSeconds, `K = ${t.refined.iterations}`);
  }
  row('ePIE (flat)', r.epie, r.epie.seconds, `α ${r.epie.alpha} of {${r.epie.alphaGrid.map((g) => `${g.alpha}: ${f((g.amp_ssim + g.phase_ssim) / 2)}`).join(', ')}} at ${r.epie.alphaGrid[0].iterations} it; ${r.epie.iterations} it, ${r.epie.stop}${r.epie.cached ? ', cached' : ''}`);
}
lines.push('', 'Targets:');
for (const r of results) lines.push(`- ${r.case}: ${r.target.text} — ${r.target.met ? 'met' : 'NOT met'}`);
const totalSeconds = (performance.now() - t00) / 1000;
lines.push(`Total wall time ${f(totalSeconds / 60, 1)} min; mosaics: ${results.map((r) => r.mosaic).join(', ')}`);
log(lines.filter((l, i) => i > 0 || l).join('\n'));
const out = { quick, node: process.version, date: new Date().toISOString(), runFlags, alphas, budgets: B, seed: Number(values.seed), pretrainMinutes, pretrainFlags, finetuneMinutes: Number(values['finetune-minutes']), totalSeconds, cases: results };
fs.writeFileSync(path.join(values.out, 'results.json'), `${JSON.stringify(out, (_k, v) => r4(v), 2)}\n`);
process.stdout.write(`${JSON.stringify(out, (_k, v) => r4(v), 2)}\n`);
