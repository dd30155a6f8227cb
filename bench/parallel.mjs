#!/usr/bin/env node
// Data-parallel training and inference on wasm (issue 10), as JSON on stdout:
//   node bench/parallel.mjs [workers=os.availableParallelism()]
// Every figure comes with the local ceiling it is compared to, measured in this same process:
// - ceilings: float32 matmul 1024² on one thread; conv-forward GFLOP/s at each model's own conv
//   shapes (every Conv2D layer of its U-Net timed alone at the training batch, fastest of 5);
// - training (f = 2 with centre heads, and the default model): samples/s and effective GFLOP/s
//   (3 × the U-Net's forward conv FLOPs per step) with 1 and with W worker threads;
//   kernelEfficiency = 1-worker effective GFLOP/s ÷ conv-forward GFLOP/s at the same shapes;
// - inference (f = 2, batch 64) patterns/s with 1 and W workers, and stitching time as a share of it;
// - profile: tf.profile kernel-time shares of one f = 2 training step in this thread.
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { createRng } from '@ptychojs/io';
import { defaultProbe } from '@ptychojs/physics';
import { createPtychoModel, createReplica, modelMetadata, resolveForData, resolveRunConfig, train, unetArtifacts } from '@ptychojs/model';
import { startInferenceWorkers, workerTrainingEngine } from '@ptychojs/model/node';
import { createStitcher } from '@ptychojs/stitching';

const W = Number(process.argv[2] ?? os.availableParallelism());
const N = 64, B = 16;
await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend('wasm');
registerKernelFills('wasm');
await tf.ready();
const r3 = (x) => Number(x.toPrecision(3));
const log = (s) => process.stderr.write(`bench parallel: ${s}\n`);

/** Fastest of `reps` runs of a synchronous tfjs computation (after one warm-up), in ms. */
function fastest(fn, reps) {
  fn();
  let best = Infinity;
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); fn(); best = Math.min(best, performance.now() - t0); }
  return best;
}

function matmulCeiling() {
  const a = tf.randomUniform([1024, 1024]), b = tf.randomUniform([1024, 1024]);
  const ms = fastest(() => tf.tidy(() => tf.matMul(a, b)).dataSync(), 9);
  tf.dispose([a, b]);
  return { ms: r3(ms), gflops: r3((2 * 1024 ** 3) / 1e9 / (ms / 1000)) };
}

/** Every Conv2D layer of a U-Net: input (H, W, Ci), Co, kernel k, and forward FLOPs per group. */
function convLayers(unet) {
  return unet.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => {
    const [, H, Wd, ci] = l.input.shape;
    const co = l.outputShape[3], k = l.kernelSize[0];
    return { H, W: Wd, ci, co, k, flopsPerGroup: 2 * H * Wd * ci * co * k * k };
  });
}

/** Conv-forward GFLOP/s of the backend at these layers' shapes, batch B: Σ FLOPs ÷ Σ fastest times. */
function convCeiling(layers) {
  let flops = 0, ms = 0;
  for (const s of layers) {
    const x = tf.randomUniform([B, s.H, s.W, s.ci]), w = tf.randomUniform([s.k, s.k, s.ci, s.co]);
    ms += fastest(() => tf.tidy(() => tf.conv2d(x, w, 1, 'same')).dataSync(), 5);
    flops += B * s.flopsPerGroup;
    tf.dispose([x, w]);
  }
  return { ms: r3(ms), gflops: r3(flops / 1e9 / (ms / 1000)) };
}

function randomData(config, groups, probe) {
  const C = config.gridsize ** 2, rng = createRng(1);
  return {
    N, probe, intensityScale: 1000 / 32,
    X: Float32Array.from({ length: groups * N * N * C }, () => rng.next()),
    coordsRelative: Float64Array.from({ length: groups * 2 * C }, () => 6 * rng.next() - 3),
  };
}

/** Median seconds per training step (after the first) with `workers` worker threads. */
async function trainSteps(config, data, workers, steps) {
  const seconds = [];
  const res = await train(config, data, {
    engine: workerTrainingEngine({ workers, backend: 'wasm' }),
    onBatch: (p) => seconds.push((B * config.gridsize ** 2) / p.samplesPerSec),
  });
  res.model.dispose();
  const rest = seconds.slice(1).sort((a, b) => a - b);
  if (rest.length !== steps) throw new Error(`expected ${steps} timed steps, got ${rest.length}`);
  return rest[Math.floor(rest.length / 2)];
}

async function trainingFigures(name, config, probe) {
  const C = config.gridsize ** 2;
  const model = createPtychoModel(config, { N, probe, intensityScale: 1000 / 32, canvasSize: 72 });
  const layers = convLayers(model.unet);
  model.dispose();
  const fwdFlops = B * layers.reduce((s, l) => s + l.flopsPerGroup, 0);
  log(`${name}: conv ceiling at ${layers.length} conv layers`);
  const ceiling = convCeiling(layers);
  const steps = 3;
  const data = randomData({ ...config, batchSize: B }, B * (steps + 1), probe);
  const cfg = resolveForData(resolveRunConfig({ ...config, batchSize: B, epochs: 1, validationFraction: 0 }), { probe, nphotons: config.nphotons }).config;
  const out = { nFiltersScale: config.nFiltersScale, objectExtent: config.objectExtent, gridsize: config.gridsize, batchGroups: B, forwardConvGflopPerGroup: r3(fwdFlops / B / 1e9), convForwardGflops: ceiling.gflops, workers: {} };
  for (const w of [...new Set([1, W])]) {
    log(`${name}: training with ${w} worker(s)`);
    const s = await trainSteps(cfg, data, w, steps);
    out.workers[w] = { stepSeconds: r3(s), samplesPerSec: r3((B * C) / s), groupsPerSec: r3(B / s), effectiveGflops: r3((3 * fwdFlops) / 1e9 / s) };
  }
  out.speedup = r3(out.workers[W].samplesPerSec / out.workers[1].samplesPerSec);
  out.kernelEfficiency = r3(out.workers[1].effectiveGflops / ceiling.gflops);
  return out;
}

async function inferenceFigures(config, probe) {
  const C = config.gridsize ** 2, groups = 4 * 64, batch = 64;
  const model = createPtychoModel(config, { N, probe, intensityScale: 1000 / 32, canvasSize: 72 });
  const artifacts = await unetArtifacts(model.unet, { ptychojs: await modelMetadata(model) });
  model.dispose();
  const { X, coordsRelative } = randomData(config, groups, probe);
  const side = Math.ceil(Math.sqrt(groups));
  const xs = Float64Array.from({ length: groups }, (_, k) => 40 + 4 * (k % side)), ys = Float64Array.from({ length: groups }, (_, k) => 40 + 4 * Math.floor(k / side));
  const out = { groups, batchGroups: batch, workers: {} };
  let reference;
  for (const w of [...new Set([1, W])]) {
    log(`inference with ${w} worker(s)`);
    const pool = await startInferenceWorkers(artifacts, { workers: w, backend: 'wasm' });
    try {
      await pool.predict(X.subarray(0, N * N * C), coordsRelative.subarray(0, 2 * C)); // warm-up: operators, DFT matrices
      const t0 = performance.now();
      // Every batch in flight at once (at most `w` run), stitched in scan order as they arrive.
      const pending = [];
      for (let g0 = 0; g0 < groups; g0 += batch) {
        pending.push(pool.predict(X.slice(g0 * N * N * C, (g0 + batch) * N * N * C), coordsRelative.slice(g0 * 2 * C, (g0 + batch) * 2 * C), { batchSize: batch }));
      }
      const st = createStitcher({ xs, ys, N });
      let stitchMs = 0;
      for (let i = 0; i < pending.length; i++) {
        const o = await pending[i];
        const t1 = performance.now();
        st.add(o.re, o.im, i * batch);
        stitchMs += performance.now() - t1;
      }
      const t2 = performance.now();
      const res = st.finish();
      stitchMs += performance.now() - t2;
      const totalMs = performance.now() - t0;
      reference ??= res.object.re;
      const identical = res.object.re.every((v, k) => Object.is(v, reference[k]));
      out.workers[w] = { seconds: r3(totalMs / 1000), patternsPerSec: r3((groups * C) / (totalMs / 1000)), stitchMs: r3(stitchMs), stitchShare: r3(stitchMs / totalMs), identicalToOneWorker: identical };
    } finally {
      await pool.close();
    }
  }
  out.speedup = r3(out.workers[W].patternsPerSec / out.workers[1].patternsPerSec);
  out.stitchShare = out.workers[W].stitchShare;
  return out;
}

/** tf.profile of one f = 2 training step in this thread: kernel-time shares, largest first. */
async function profileStep(config, probe) {
  const C = config.gridsize ** 2;
  const data = randomData(config, B, probe);
  const replica = await createReplica({ config, N, canvasSize: 72, probe, intensityScale: data.intensityScale });
  const xs = data.X.map((v) => v * data.intensityScale);
  const batch = { nb: B, xs, coords: data.coordsRelative };
  try {
    await replica.step(batch, 1e-3);
    const prof = await tf.profile(async () => { await replica.step(batch, 1e-3); });
    const by = new Map();
    for (const k of prof.kernels) by.set(k.name, (by.get(k.name) ?? 0) + k.kernelTimeMs);
    const total = [...by.values()].reduce((a, b) => a + b, 0);
    const shares = Object.fromEntries([...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => [k, r3(v / total)]));
    return { kernelMs: r3(total), patternsPerStep: B * C, shares };
  } finally {
    replica.dispose();
  }
}

const probe = defaultProbe(N);
const f2 = resolveForData(resolveRunConfig({ nFiltersScale: 2, gridsize: 2, objectExtent: 'center', seed: 1 }), { probe, nphotons: 1e6 }).config;
const def = resolveForData(resolveRunConfig({ seed: 1 }), { probe, nphotons: 1e6 }).config;
log(`ceilings (W = ${W})`);
const matmul = matmulCeiling();
const training = { f2: await trainingFigures('f2', f2, probe), default: await trainingFigures('default', def, probe) };
const inference = await inferenceFigures(f2, probe);
log('profile');
const profile = await profileStep(f2, probe);
const targets = {
  trainingSpeedup: { target: '≥ 1.8', f2: training.f2.speedup, default: training.default.speedup },
  inferenceSpeedup: { target: '≥ 1.8', value: inference.speedup },
  stitchShare: { target: '≤ 0.05', value: inference.stitchShare },
  kernelEfficiency: { target: '≥ 0.8', f2: training.f2.kernelEfficiency, default: training.default.kernelEfficiency },
};
process.stdout.write(`${JSON.stringify({ backend: 'wasm', workers: W, cores: os.availableParallelism(), loadAverage1m: r3(os.loadavg()[0]), ceilings: { matmul1024Gflops: matmul.gflops, convForwardGflopsF2: training.f2.convForwardGflops, ratioConvToMatmul: r3(training.f2.convForwardGflops / matmul.gflops) }, training, inference, profile, targets })}\n`);
