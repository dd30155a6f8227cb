#!/usr/bin/env node
// Baseline and inference speed on one backend, as JSON on stdout:
//   node bench/conv-and-infer.mjs <wasm|cpu>
// conv: B=16, 64×64×32 → 32 filters, 3×3 'same' (1.21 GFLOP) forward — the backend's conv ceiling.
// infer: predictObject of the N=64, f=2, gridsize 2 model over 256 groups in batches of 64.
import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { createRng } from '@ptychojs/io';
import { createPtychoModel, predictObject, resolveForData, resolveRunConfig } from '@ptychojs/model';

const backend = process.argv[2] ?? 'wasm';
await import(backend === 'wasm' ? '@tensorflow/tfjs-backend-wasm' : '@tensorflow/tfjs-backend-cpu');
await tf.setBackend(backend);
registerKernelFills(backend);
await tf.ready();

const r = (x) => Number(x.toPrecision(4));
const x = tf.randomUniform([16, 64, 64, 32]), w = tf.randomUniform([3, 3, 32, 32]);
const convOnce = () => tf.tidy(() => tf.conv2d(x, w, 1, 'same')).dataSync();
convOnce();
// The ceiling is the fastest of several runs: the machine is shared and noisy, and a ceiling should not include its stalls.
const reps = backend === 'cpu' ? 2 : 9;
let convMs = Infinity;
for (let i = 0; i < reps; i++) { const t0 = performance.now(); convOnce(); convMs = Math.min(convMs, performance.now() - t0); }
const convGflops = (2 * 16 * 64 * 64 * 32 * 32 * 9) / 1e9 / (convMs / 1000);

const N = 64, C = 4, groups = backend === 'cpu' ? 32 : 256, rng = createRng(2);
const probe = { shape: [N, N], re: Float32Array.from({ length: N * N }, () => rng.next()), im: new Float32Array(N * N) };
const { config } = resolveForData(resolveRunConfig({ nFiltersScale: 2, gridsize: 2, seed: 1 }), { probe, nphotons: 1e6 });
const model = createPtychoModel(config, { N, probe, intensityScale: 1000 / 32, canvasSize: 72 });
const X = Float32Array.from({ length: groups * N * N * C }, () => rng.next());
const coords = Float64Array.from({ length: groups * 2 * C }, () => 6 * rng.next() - 3);
await predictObject(model, X.subarray(0, N * N * C), coords.subarray(0, 2 * C));
const t1 = performance.now();
await predictObject(model, X, coords, { batchSize: 64 });
const inferS = (performance.now() - t1) / 1000;
model.dispose();
process.stdout.write(`${JSON.stringify({ backend, convForwardMs: r(convMs), convGflops: r(convGflops), inferGroups: groups, inferGroupsPerSec: r(groups / inferS), inferPatternsPerSec: r((groups * C) / inferS) })}\n`);
