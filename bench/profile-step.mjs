#!/usr/bin/env node
// Where a training step's time goes (issue 16; not a test), as JSON on stdout:
//   node bench/profile-step.mjs --backend wasm [--f 0.25] [--extent full] [--batch 16]
// tf.profile of one Replica.step (after two warm-up steps): kernel time by kernel, the number of
// kernel calls and tensors allocated, and the wall time of the same step unprofiled, so that
// wall − kernel time is what the calls themselves cost (dispatch, allocation, JS).
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@ptychojs/physics/node';
import { createRng } from '@ptychojs/io';
import { defaultProbe } from '@ptychojs/physics';
import { createReplica, resolveForData, resolveRunConfig } from '@ptychojs/model';

const { values: o } = parseArgs({
  options: { backend: { type: 'string', default: 'wasm' }, f: { type: 'string', default: '0.25' }, extent: { type: 'string', default: 'full' }, batch: { type: 'string', default: '16' }, top: { type: 'string', default: '15' } },
});
await useBackend(o.backend);
const N = 64, B = Number(o.batch), C = 4;
const probe = defaultProbe(N), rng = createRng(1);
const { config } = resolveForData(resolveRunConfig({ nFiltersScale: Number(o.f), gridsize: 2, objectExtent: o.extent, batchSize: B, seed: 1 }), { probe, nphotons: 1e6 });
const replica = await createReplica({ config, N, canvasSize: 72, probe, intensityScale: 1000 / 32 });
const batch = { nb: B, xs: Float32Array.from({ length: B * N * N * C }, () => 1000 / 32 * rng.next()), coords: Float64Array.from({ length: B * 2 * C }, () => 6 * rng.next() - 3) };
const r3 = (x) => Number(x.toPrecision(3));
try {
  await replica.step(batch, 1e-3);
  await replica.step(batch, 1e-3);
  const walls = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); await replica.step(batch, 1e-3); walls.push(performance.now() - t0); }
  walls.sort((a, b) => a - b);
  const wallMs = walls[2];
  const prof = await tf.profile(async () => { await replica.step(batch, 1e-3); });
  const by = new Map();
  for (const k of prof.kernels) {
    const e = by.get(k.name) ?? { ms: 0, calls: 0 };
    e.ms += k.kernelTimeMs; e.calls++;
    by.set(k.name, e);
  }
  const kernelMs = [...by.values()].reduce((a, e) => a + e.ms, 0);
  const top = [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(o.top)).map(([name, e]) => ({ name, ms: r3(e.ms), share: r3(e.ms / kernelMs), calls: e.calls }));
  process.stdout.write(`${JSON.stringify({
    backend: tf.getBackend(), nFiltersScale: config.nFiltersScale, objectExtent: o.extent, batchGroups: B,
    wallMs: r3(wallMs), kernelMs: r3(kernelMs), kernelShareOfWall: r3(kernelMs / wallMs), kernelCalls: prof.kernels.length, newTensors: prof.newTensors, newBytesMB: r3(prof.newBytes / 2 ** 20), peakBytesMB: r3(prof.peakBytes / 2 ** 20), top,
  }, null, 1)}\n`);
} finally {
  replica.dispose();
}
