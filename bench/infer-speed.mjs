#!/usr/bin/env node
// Inference speed of one configuration, as JSON on stdout (issue 16; not a test):
//   node bench/infer-speed.mjs --backend wasm|tensorflow [--f 2] [--workers 1] [--threads N] [--groups 256] [--batch 64]
// `predictObject` of a U-Net (N = 64, gridsize 2, centre heads) over `groups` random groups in
// batches of `batch`, spread over `workers` worker threads (startInferenceWorkers), all batches in
// flight at once as `ptycho infer` does; one warm-up batch is not counted. --threads (tensorflow):
// TensorFlow's intra- and inter-op threads, set before it loads.
import os from 'node:os';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' }, f: { type: 'string', default: '2' }, workers: { type: 'string', default: '1' },
    threads: { type: 'string' }, groups: { type: 'string', default: '256' }, batch: { type: 'string', default: '64' },
  },
});
if (o.threads !== undefined) {
  process.env.TF_NUM_INTRAOP_THREADS = o.threads;
  process.env.TF_NUM_INTEROP_THREADS = o.threads;
}
const { useBackend } = await import('@ptychojs/physics/node');
const { createRng } = await import('@ptychojs/io');
const { defaultProbe } = await import('@ptychojs/physics');
const { createPtychoModel, modelMetadata, resolveForData, resolveRunConfig, unetArtifacts } = await import('@ptychojs/model');
const { startInferenceWorkers } = await import('@ptychojs/model/node');

const backend = o.backend, workers = Number(o.workers), groups = Number(o.groups), batch = Number(o.batch);
const N = 64, config = resolveForData(resolveRunConfig({ nFiltersScale: Number(o.f), gridsize: 2, objectExtent: 'center', seed: 1 }), { probe: defaultProbe(N), nphotons: 1e6 }).config, C = 4;
const r3 = (x) => Number(x.toPrecision(3));
// The model is built on this thread's backend only to be serialised for the workers.
await useBackend(backend === 'tensorflow' ? 'tensorflow' : 'wasm');
const model = createPtychoModel(config, { N, probe: defaultProbe(N), intensityScale: 1000 / 32, canvasSize: 72 });
const artifacts = await unetArtifacts(model.unet, { ptychojs: await modelMetadata(model) });
model.dispose();
const rng = createRng(1);
const X = Float32Array.from({ length: groups * N * N * C }, () => rng.next());
const coords = Float64Array.from({ length: groups * 2 * C }, () => 6 * rng.next() - 3);

const pool = await startInferenceWorkers(artifacts, { workers, backend });
try {
  await Promise.all(Array.from({ length: workers }, () => pool.predict(X.subarray(0, batch * N * N * C), coords.subarray(0, batch * 2 * C), { batchSize: batch })));
  const t0 = performance.now();
  const pending = [];
  for (let g0 = 0; g0 < groups; g0 += batch) {
    pending.push(pool.predict(X.subarray(g0 * N * N * C, (g0 + batch) * N * N * C), coords.subarray(g0 * 2 * C, (g0 + batch) * 2 * C), { batchSize: batch }));
  }
  await Promise.all(pending);
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({
    backend, threads: o.threads === undefined ? 'default' : Number(o.threads), workers, cores: os.availableParallelism(),
    nFiltersScale: config.nFiltersScale, groups, batchGroups: batch, seconds: r3(s), patternsPerSec: r3((groups * C) / s),
  })}\n`);
} finally {
  await pool.close();
}
