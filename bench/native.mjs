#!/usr/bin/env node
// Native speed (issue 16), as JSON on stdout: `npm run bench -- native`, or alone
//   node bench/native.mjs
// The same training step — PtychoPINN's U-Net at N = 64, gridsize 2, its probe.big border head,
// batch 16 — at f = 0.25, 0.5, 1 and 2 on one core each:
//   - wasm (ptychojs's default without native TensorFlow; one thread, bench/train-step.mjs),
//   - tensorflow: ptychojs on @tensorflow/tfjs-node (npm run setup:native), one TensorFlow thread,
//   - the native anchor: the same step in Python TensorFlow (bench/train_step_tf.py, the
//     tensorflow-cpu 2.21.0 wheel in a virtual environment in the native cache; one thread),
// each the fastest of BENCH_NATIVE_ROUNDS (default 2) rounds run in alternation, so that a busy
// machine weighs on all three alike; groups/s and effective GFLOP/s per core, and the ratios.
// Then the whole machine as the CLI uses it by default (wasm: one worker per core; tensorflow: one
// process, TensorFlow's own threads), and inference patterns/s with 1 and 2 workers.
// Missing pieces are skipped with the reason: no tensorflow backend built, no Python TensorFlow.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nativeCacheDir } from '../tools/native-cache-dir.mjs';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const FS = [0.25, 0.5, 1, 2];
const ROUNDS = Number(process.env.BENCH_NATIVE_ROUNDS ?? 2);
const TF_WHEEL = 'tensorflow-cpu==2.21.0';
const r3 = (x) => Number(x.toPrecision(3));
const log = (s) => process.stderr.write(`bench native: ${s}\n`);
// TensorFlow's start-up lines off stderr (they are set before the library loads in these children).
const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? '2' };

/** Run a script that prints one JSON line; @returns it parsed. @throws with its stderr's tail. */
function json(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, env: { ...env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1).join(' ')} exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const node = (script, args) => json(process.execPath, [path.join(here, script), ...args]);

/** Why the tensorflow backend cannot start here, or undefined. */
function tensorflowSkip() {
  const r = spawnSync(process.execPath, ['-e', "import('@ptychojs/physics/node').then((b) => b.initBackend('tensorflow')).then((h) => console.log(h))"], { cwd: root, encoding: 'utf8', env });
  return r.status === 0 ? undefined : `tensorflow backend unavailable (${(r.stderr ?? '').trim().split('\n').pop()}): run \`npm run setup:native\``;
}

/**
 * A Python with TensorFlow for the anchor: $BENCH_NATIVE_PYTHON, else a virtual environment in the
 * native cache, created on first use (`pip install tensorflow-cpu==2.21.0`, a few minutes).
 * @returns { python } or { skipped: reason }
 */
function anchorPython() {
  const check = (py) => spawnSync(py, ['-c', 'import tensorflow as tf; print(tf.__version__)'], { encoding: 'utf8', env });
  if (process.env.BENCH_NATIVE_PYTHON) {
    const r = check(process.env.BENCH_NATIVE_PYTHON);
    return r.status === 0 ? { python: process.env.BENCH_NATIVE_PYTHON, tensorflow: r.stdout.trim() } : { skipped: `BENCH_NATIVE_PYTHON=${process.env.BENCH_NATIVE_PYTHON} cannot import tensorflow` };
  }
  const venv = path.join(nativeCacheDir(), 'bench-venv-tensorflow-cpu-2.21.0');
  const py = path.join(venv, 'bin', 'python');
  let r = fs.existsSync(py) ? check(py) : undefined;
  if (r?.status === 0) return { python: py, tensorflow: r.stdout.trim() };
  log(`creating ${venv} and installing ${TF_WHEEL} for the native anchor (a few minutes, once) …`);
  fs.rmSync(venv, { recursive: true, force: true });
  const mk = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
  if (mk.status !== 0) return { skipped: `python3 -m venv failed: ${(mk.stderr || String(mk.error)).trim().split('\n').pop()}` };
  const pip = spawnSync(py, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', TF_WHEEL], { encoding: 'utf8' });
  if (pip.status !== 0) {
    fs.rmSync(venv, { recursive: true, force: true });
    return { skipped: `pip cannot install ${TF_WHEEL} here: ${(pip.stderr ?? '').trim().split('\n').pop()}` };
  }
  r = check(py);
  return r.status === 0 ? { python: py, tensorflow: r.stdout.trim() } : { skipped: `${TF_WHEEL} installed but does not import: ${(r.stderr ?? '').trim().split('\n').pop()}` };
}

const step = (o) => ['--f', String(o.f), '--gridsize', '2', '--extent', 'border', '--batch', '16', '--steps', '3'];
const pick = (r) => ({ stepSeconds: r.stepSeconds, groupsPerSec: r.groupsPerSec, effectiveGflops: r.effectiveGflops });
const best = (a, b) => (a === undefined || b.stepSeconds < a.stepSeconds ? b : a);

const cores = os.availableParallelism();
const out = { cores, loadAverage1mAtStart: r3(os.loadavg()[0]), configuration: 'N 64, gridsize 2, object extent border (probe.big), batch 16 groups; effective GFLOP/s = 3 × the U-Net forward conv FLOPs per step' };
const tfSkip = tensorflowSkip();
const anchor = anchorPython();
out.tensorflowBackend = tfSkip ? { skipped: tfSkip } : { built: true };
out.anchor = anchor.skipped ? { skipped: anchor.skipped } : { python: anchor.python, tensorflow: anchor.tensorflow, script: 'bench/train_step_tf.py' };

// 1. One core each, alternating implementations within each round.
const perCore = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const f of round % 2 ? [...FS].reverse() : FS) {
    const row = (perCore[f] ??= {});
    log(`round ${round + 1}/${ROUNDS}, f = ${f}: wasm${tfSkip ? '' : ', tensorflow'}${anchor.skipped ? '' : ', Python TensorFlow'}`);
    const wasm = node('train-step.mjs', ['--backend', 'wasm', ...step({ f })]);
    row.parameters = wasm.parameters;
    row.forwardConvGflopPerGroup = wasm.forwardConvGflopPerGroup;
    row.wasm = best(row.wasm, pick(wasm));
    if (!tfSkip) row.tensorflow = best(row.tensorflow, pick(node('train-step.mjs', ['--backend', 'tensorflow', '--threads', '1', ...step({ f })])));
    if (!anchor.skipped) {
      const py = json(anchor.python, [path.join(here, 'train_step_tf.py'), ...step({ f }), '--threads', '1']);
      if (py.parameters !== wasm.parameters) throw new Error(`the anchor's U-Net has ${py.parameters} parameters, ptychojs's ${wasm.parameters}: not the same network`);
      row.nativeTensorflowPython = best(row.nativeTensorflowPython, pick(py));
    }
  }
}
for (const row of Object.values(perCore)) {
  const g = (k) => row[k]?.groupsPerSec;
  row.ratios = {
    ...(g('tensorflow') ? { tensorflowToWasm: r3(g('tensorflow') / g('wasm')) } : {}),
    ...(g('nativeTensorflowPython') ? { wasmToNative: r3(g('wasm') / g('nativeTensorflowPython')) } : {}),
    ...(g('tensorflow') && g('nativeTensorflowPython') ? { tensorflowToNative: r3(g('tensorflow') / g('nativeTensorflowPython')) } : {}),
  };
}
out.perCore = perCore;

// 2. The whole machine as the CLI uses it by default.
const whole = {};
for (const f of [0.25, 2]) {
  log(`whole machine, f = ${f}`);
  const w = node('train-step.mjs', ['--backend', 'wasm', '--workers', String(cores), ...step({ f })]);
  whole[f] = { wasm: { workers: cores, ...pick(w) } };
  if (!tfSkip) {
    const t = node('train-step.mjs', ['--backend', 'tensorflow', ...step({ f })]);
    whole[f].tensorflow = { workers: 1, threads: 'TensorFlow default', ...pick(t) };
    whole[f].tensorflowToWasm = r3(t.groupsPerSec / w.groupsPerSec);
  }
}
out.wholeMachine = whole;

// 3. Inference, f = 2, batch 64: patterns/s with 1 and 2 workers.
const inference = {};
for (const backend of ['wasm', ...(tfSkip ? [] : ['tensorflow'])]) {
  inference[backend] = {};
  for (const workers of [1, 2]) {
    log(`inference, ${backend}, ${workers} worker(s)`);
    inference[backend][workers] = node('infer-speed.mjs', ['--backend', backend, '--workers', String(workers), ...(backend === 'tensorflow' ? ['--threads', String(Math.max(1, Math.floor(cores / workers)))] : [])]).patternsPerSec;
  }
  inference[backend].speedup2to1 = r3(inference[backend][2] / inference[backend][1]);
}
out.inference = { nFiltersScale: 2, batchGroups: 64, patternsPerSec: inference };

// 4. The shipped pretrained model (issue 15, apps/cli/models/demo) on a 1024-position scan end to
// end as a user runs it — `ptycho infer` in its own process: start, read, check against the model
// card, group, infer, stitch, write — on each backend; wall seconds and patterns/s over the whole.
const demoModel = path.join(root, 'apps/cli/models/demo');
if (!fs.existsSync(path.join(demoModel, 'model-card.json'))) {
  out.endToEndInference = { skipped: `no pretrained model at ${path.relative(root, demoModel)} (npm run pretrain:demo makes it)` };
} else {
  const cli = path.join(root, 'apps/cli/dist/main.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-e2e-'));
  try {
    const scan = path.join(tmp, 'scan.npz');
    // 128² lines object, jittered 2-px grid: 1024 positions, under the demo probe (rms 15.5 px).
    const sim = spawnSync(process.execPath, [cli, 'simulate', '--out', scan, '--object', 'lines-pinn', '--probe', 'default', '--probe-rms', '15.5', '--scan', 'jitter', '--step', '2', '--object-size', '128', '--nphotons', '1e9', '--seed', '7', '--quiet'], { encoding: 'utf8', env });
    if (sim.status !== 0) throw new Error(`ptycho simulate: ${sim.stderr}`);
    const M = JSON.parse(spawnSync(process.execPath, [cli, 'inspect', scan, '--json', '--quiet'], { encoding: 'utf8', env }).stdout).M;
    const e2e = { model: path.relative(root, demoModel), positions: M };
    for (const backend of ['wasm', ...(tfSkip ? [] : ['tensorflow'])]) {
      log(`end-to-end inference, ${backend}`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'infer', '--model', demoModel, '--data', scan, '--out', path.join(tmp, backend), '--backend', backend, '--quiet'], { encoding: 'utf8', env });
      const seconds = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`ptycho infer --backend ${backend}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      e2e[backend] = { seconds: r3(seconds), patternsPerSec: r3(M / seconds) };
    }
    out.endToEndInference = e2e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const at = (f, k) => perCore[f]?.ratios?.[k];
out.targets = {
  tensorflowToWasmPerCoreF2: { target: '≥ 3', value: at(2, 'tensorflowToWasm') ?? 'not measured (no tensorflow backend)' },
  wasmToNativePerCoreF2: { target: '≥ 0.5', value: at(2, 'wasmToNative') ?? 'not measured (no native anchor)' },
  wasmToNativePerCoreF025: { target: '≥ 0.5', value: at(0.25, 'wasmToNative') ?? 'not measured (no native anchor)' },
};
out.loadAverage1mAtEnd = r3(os.loadavg()[0]);
process.stdout.write(`${JSON.stringify(out)}\n`);
