#!/usr/bin/env node
// Speed of the differentiable physics on the wasm backend (not a test; run after `npm run build`):
//   node packages/physics/scripts/bench-physics.mjs [backend]
// Prints JSON: forward and forward+backward times of padAndDiffract (B=16, N=64, C=1 and 4) and of
// reassemble+extractPatches (B=16, C=4, N=64, S=80, complex), each also as a ratio to a baseline
// matmul of the same size as one DFT stage, (B·C·N, N)·(N, N), measured in the same run.
import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '../dist/kernels.js';
import { extractPatches, padAndDiffract, reassemble } from '../dist/tf/index.js';

const backend = process.argv[2] ?? 'wasm';
await import('@tensorflow/tfjs-layers'); // registers gradients in Node (tfjs-core's Node bundle has none)
await import(backend === 'wasm' ? '@tensorflow/tfjs-backend-wasm' : '@tensorflow/tfjs-backend-cpu');
registerKernelFills(backend);
await tf.setBackend(backend);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, reps = 15) {
  const run = () => tf.tidy(() => { const r = fn(); for (const t of Array.isArray(r) ? r : [r]) t.dataSync(); });
  run(); run();
  const ts = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); run(); ts.push(performance.now() - t0); }
  return median(ts);
}
const round = (v) => Number(v.toPrecision(3));

const out = { backend: tf.getBackend(), node: process.version };
for (const C of [1, 4]) {
  const [B, N] = [16, 64];
  const re = tf.randomNormal([B, N, N, C]), im = tf.randomNormal([B, N, N, C]);
  const a = tf.randomNormal([B * C * N, N]), m = tf.randomNormal([N, N]);
  const base = time(() => tf.matMul(a, m));
  const g = tf.grads((r, i) => tf.sum(padAndDiffract({ re: r, im: i })));
  const fwd = time(() => padAndDiffract({ re, im }));
  const both = time(() => g([re, im]));
  out[`padAndDiffract_B16_N64_C${C}`] = { fwdMs: round(fwd), fwdBwdMs: round(both), baselineMatmulMs: round(base), ratioFwdBwdToMatmul: round(both / base) };
  tf.dispose([re, im, a, m]);
}
{
  const [B, N, C, S] = [16, 64, 4, 80];
  const rel = tf.randomUniform([B, 1, 2, C], -7, 7);
  const pr = tf.randomNormal([B, N, N, C]), pi = tf.randomNormal([B, N, N, C]);
  const a = tf.randomNormal([B * C * N, N]), m = tf.randomNormal([N, N]);
  const base = time(() => tf.matMul(a, m));
  const chain = (r, i) => {
    const p = extractPatches(reassemble({ re: r, im: i }, rel, S), rel, N);
    return tf.add(tf.sum(tf.square(p.re)), tf.sum(tf.square(p.im)));
  };
  const g = tf.grads(chain);
  const fwd = time(() => chain(pr, pi));
  const both = time(() => g([pr, pi]));
  out.reassembleExtract_B16_C4_N64_S80 = { fwdMs: round(fwd), fwdBwdMs: round(both), baselineMatmulMs: round(base), ratioFwdBwdToMatmul: round(both / base) };
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
