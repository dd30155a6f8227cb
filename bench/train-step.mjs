#!/usr/bin/env node
// One configuration's training-step speed, as JSON on stdout (issue 16; not a test):
//   node bench/train-step.mjs --backend wasm|tensorflow|cpu [--f 2] [--gridsize 2] [--extent border]
//        [--batch 16] [--steps 3] [--workers 1] [--threads N]
// The step is `train()`'s (U-Net + physics + Poisson NLL + Adam) on random but plausible inputs;
// the first step (kernel set-up, DFT matrices, Adam moments) is not counted, the figure is the
// median of the next `steps`. Effective GFLOP/s counts 3 × the U-Net's forward convolution FLOPs
// per step (forward, input gradient, filter gradient), as bench/parallel.mjs does.
// --threads (tensorflow): TensorFlow's intra- and inter-op threads, set before it loads;
// --workers > 1: that many worker threads, each with its own backend (workerTrainingEngine).
import os from 'node:os';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' }, f: { type: 'string', default: '2' }, gridsize: { type: 'string', default: '2' },
    extent: { type: 'string', default: 'border' }, batch: { type: 'string', default: '16' }, steps: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1' }, threads: { type: 'string' },
  },
});
if (o.threads !== undefined) {
  // Read by TensorFlow once, when its library loads (before any import below can load it).
  process.env.TF_NUM_INTRAOP_THREADS = o.threads;
  process.env.TF_NUM_INTEROP_THREADS = o.threads;
}
const tf = await import('@tensorflow/tfjs-core');
const { useBackend } = await import('@ptychojs/physics/node');
const { createRng } = await import('@ptychojs/io');
const { defaultProbe } = await import('@ptychojs/physics');
const { createPtychoModel, resolveForData, resolveRunConfig, train } = await import('@ptychojs/model');
const { workerTrainingEngine } = await import('@ptychojs/model/node');

const backend = o.backend, f = Number(o.f), gridsize = Number(o.gridsize), B = Number(o.batch), steps = Number(o.steps), workers = Number(o.workers);
const N = 64, C = gridsize ** 2;
const how = await useBackend(backend);
const r3 = (x) => Number(x.toPrecision(3));

const probe = defaultProbe(N);
const { config } = resolveForData(resolveRunConfig({ nFiltersScale: f, gridsize, objectExtent: o.extent, batchSize: B, epochs: 1, validationFraction: 0, seed: 1 }), { probe, nphotons: 1e6 });

// Forward conv FLOPs of this U-Net per group: Σ over Conv2D layers of 2·H·W·Ci·Co·k².
const probeModel = createPtychoModel(config, { N, probe, intensityScale: 1000 / 32, canvasSize: 72 });
const convs = probeModel.unet.layers.filter((l) => l.getClassName() === 'Conv2D');
const fwdFlopsPerGroup = convs.reduce((s, l) => s + 2 * l.input.shape[1] * l.input.shape[2] * l.input.shape[3] * l.outputShape[3] * l.kernelSize[0] * l.kernelSize[1], 0);
const parameters = probeModel.unet.countParams();
probeModel.dispose();

const rng = createRng(1);
const groups = B * (steps + 1);
const X = Float32Array.from({ length: groups * N * N * C }, () => rng.next());
const coordsRelative = Float64Array.from({ length: groups * 2 * C }, () => 6 * rng.next() - 3);

const stepSeconds = [];
const res = await train(config, { N, X, coordsRelative, probe, intensityScale: 1000 / 32 }, {
  ...(workers > 1 ? { engine: workerTrainingEngine({ workers, backend }) } : {}),
  onBatch: (p) => stepSeconds.push((B * C) / p.samplesPerSec),
});
res.model.dispose();
const rest = stepSeconds.slice(1).sort((a, b) => a - b);
if (rest.length !== steps) throw new Error(`expected ${steps} timed steps, got ${rest.length}`);
const s = rest[Math.floor(rest.length / 2)];
process.stdout.write(`${JSON.stringify({
  backend: tf.getBackend(), how, threads: o.threads === undefined ? 'default' : Number(o.threads), workers, cores: os.availableParallelism(),
  N, nFiltersScale: f, gridsize, objectExtent: o.extent, batchGroups: B, parameters, forwardConvGflopPerGroup: r3(fwdFlopsPerGroup / 1e9),
  firstStepSeconds: r3(stepSeconds[0]), stepSeconds: r3(s), groupsPerSec: r3(B / s), patternsPerSec: r3((B * C) / s),
  effectiveGflops: r3((3 * B * fwdFlopsPerGroup) / 1e9 / s),
})}\n`);
