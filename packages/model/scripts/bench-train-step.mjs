#!/usr/bin/env node
// Training-step speed of the PtychoPINN model (U-Net + physics + Adam), as JSON on stdout.
// Not a test: timings belong in benchmarks (SPEC §6). Uses the built packages (npm run build).
//
//   node packages/model/scripts/bench-train-step.mjs <wasm|cpu|cpu-stock> [B=16] [steps=4] [f=2] [gridsize=2]
//
// wasm: tfjs-backend-wasm (SIMD, 1 thread) with @ptychojs/physics kernel fills (Conv2DBackpropFilter,
// Conv2DBackpropInput). cpu: tfjs-backend-cpu with the ResizeNearestNeighborGrad fix and the fast
// Conv2DBackpropFilter fill. cpu-stock: only the ResizeNearestNeighborGrad fix (correctness).
// The first step (kernel set-up, DFT matrices, Adam moments) is reported apart from the rest.
import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { createRng } from '@ptychojs/io';
import { resolveForData, resolveRunConfig, train } from '@ptychojs/model';

const [backend = 'wasm', Bs = '16', stepsS = '4', fS = '2', gS = '2'] = process.argv.slice(2);
const B = Number(Bs), steps = Number(stepsS), f = Number(fS), gridsize = Number(gS);
const N = 64, C = gridsize * gridsize;

if (backend === 'wasm') {
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  registerKernelFills('wasm');
} else {
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  registerKernelFills('cpu', { cpuConvBackpropFilter: backend === 'cpu' });
}
await tf.ready();

// Random but plausible inputs: amplitudes in [0, 1), relative positions within ±3 px.
const rng = createRng(1);
const groups = B * (steps + 1);
const X = Float32Array.from({ length: groups * N * N * C }, () => rng.next());
const coordsRelative = Float64Array.from({ length: groups * 2 * C }, () => 6 * rng.next() - 3);
const probe = { shape: [N, N], re: Float32Array.from({ length: N * N }, () => rng.next()), im: new Float32Array(N * N) };
const { config } = resolveForData(resolveRunConfig({ nFiltersScale: f, gridsize, batchSize: B, epochs: 1, validationFraction: 0, seed: 1 }), { probe, nphotons: 1e6 });

const stepSeconds = [];
const t0 = performance.now();
const { model } = await train(config, { N, X, coordsRelative, probe, intensityScale: 1000 / 32 }, {
  onBatch: (p) => stepSeconds.push((B * C) / p.samplesPerSec),
});
const totalSeconds = (performance.now() - t0) / 1000;
model.dispose();

const rest = stepSeconds.slice(1).sort((a, b) => a - b);
const median = rest[Math.floor(rest.length / 2)] ?? stepSeconds[0];
const r = (x) => Math.round(x * 1000) / 1000;
process.stdout.write(`${JSON.stringify({
  backend: tf.getBackend(), variant: backend, N, nFiltersScale: f, gridsize, C, batchSize: B,
  firstStepSeconds: r(stepSeconds[0]), stepSeconds: rest.map(r), medianStepSeconds: r(median),
  groupsPerSec: r(B / median), patternsPerSec: r((B * C) / median),
  totalSeconds: r(totalSeconds), numTensorsAfter: tf.memory().numTensors,
}, null, 2)}\n`);
