#!/usr/bin/env node
// Test fixture (a separate process that a test can SIGKILL): tiny training on the cpu backend
// with a file checkpoint store, using the built package.
//   node train-child.mjs <dir> fresh|resume
// Prints `step <epoch> <batch>` after every optimizer step (after that epoch's checkpoint, if
// any, is on disk) and writes <dir>/history.json (timings left out) when training ends.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from '@ptychojs/io';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { resolveForData, resolveRunConfig, train } from '@ptychojs/model';
import { fileCheckpointStore } from '@ptychojs/model/node';

const [dir, mode] = process.argv.slice(2);
await tf.setBackend('cpu');
registerKernelFills('cpu', { cpuConvBackpropFilter: true });
const N = 64, groups = 5, rng = createRng(5);
const probe = { shape: [N, N], re: Float32Array.from({ length: N * N }, () => rng.next()), im: new Float32Array(N * N) };
const data = {
  N, probe, intensityScale: 20,
  X: Float32Array.from({ length: groups * N * N }, () => rng.next()),
  coordsRelative: Float64Array.from({ length: groups * 2 }, () => 0),
};
// 5 groups, 1 held out, 4 trained in 2 steps of 2 per epoch; position jitter draws random numbers every step.
const { config } = resolveForData(resolveRunConfig({ nFiltersScale: 0.25, gridsize: 1, batchSize: 2, epochs: 2, validationFraction: 0.2, positionJitter: 0.5, seed: 4 }), { probe, nphotons: 1e6 });
const store = fileCheckpointStore(path.join(dir, 'checkpoint'));
const resume = mode === 'resume' ? await store.loadCheckpoint() : undefined;
const res = await train(config, data, { store, ...(resume ? { resume } : {}), onBatch: (p) => process.stdout.write(`step ${p.epoch} ${p.batch}\n`) });
res.model.dispose();
fs.writeFileSync(path.join(dir, 'history.json'), JSON.stringify(res.history.map(({ seconds: _s, samplesPerSec: _p, ...r }) => r)));
process.stdout.write(`done ${res.stopReason}\n`);
