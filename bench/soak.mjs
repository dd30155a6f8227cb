#!/usr/bin/env -S node --expose-gc
// Soak (issue 19): hours-long training must stay flat. Trains a small model for a fixed time with a
// checkpoint after every epoch, as `ptycho train` does (prepareTrainingData, resolveDose,
// fileCheckpointStore, train on wasm in this thread) — or, with --pretrain, as `ptycho pretrain`
// does (a stream of freshly simulated scans every epoch, held-out scans reconstructed and scored
// after every epoch) — and after each checkpoint records the tfjs tensor count, the process RSS
// after a full GC, and the bytes on disk under the run folder.
//   node --expose-gc bench/soak.mjs [--minutes 30] [--pretrain] [--out DIR]
// JSON on stdout: the per-epoch rows and a summary against the targets (tensor count constant,
// RSS growth after warm-up < 5 %, disk bounded); one line per epoch on stderr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { toRawData } from '@ptychojs/io';
import { defaultProbe, simulateScan } from '@ptychojs/physics';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { modelFromState, resolveForData, resolveRunConfig, train } from '@ptychojs/model';
import { fileCheckpointStore } from '@ptychojs/model/node';
import { prepareTrainingData, pretrainingStream, pretrainRunConfig, resolveDose, resolvePretrainSpec, scoreOnScans } from '@ptychojs/pipeline';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, out: { type: 'string' }, pretrain: { type: 'boolean', default: false } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be > 0, got ${values.minutes}`);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (RSS is read after a full GC)');
const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-soak-'));
const log = (s) => process.stderr.write(`bench soak: ${s}\n`);
const MiB = 2 ** 20;
const r3 = (x) => Number(x.toPrecision(3));

await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend('wasm');
registerKernelFills('wasm');
await tf.ready();

// Training: a small scan and model (64 px patterns, 9 × 9 positions, U-Net f = 0.25, gridsize 1:
// a few seconds an epoch on wasm). Pretraining: 144 fresh simulated patterns (one scan) an epoch under the
// default probe, one held-out scan scored after each, the same model size.
const small = { nFiltersScale: 0.25, gridsize: 1, batchSize: 16, epochs: 1_000_000, maxMinutes: minutes, earlyStopPatience: 1_000_000, seed: 1 };
let config, trainingData, validate, what;
if (values.pretrain) {
  const spec = resolvePretrainSpec(64, { patternsPerEpoch: 144, positionsPerScan: 144, validationScans: 1 });
  config = resolveForData(pretrainRunConfig(small), { probe: defaultProbe(64), nphotons: Math.sqrt(spec.doseRange[0] * spec.doseRange[1]) }).config;
  const grouping = { gridsize: config.gridsize, K: config.K, seed: config.seed };
  const { stream, validationScans } = pretrainingStream(spec, defaultProbe(64), grouping);
  const init = { config, N: 64, canvasSize: stream.canvasSize, probe: stream.probe, intensityScale: stream.intensityScale };
  trainingData = stream;
  validate = async (state) => {
    const model = await modelFromState(init, state);
    try { return await scoreOnScans(model, validationScans, grouping); } finally { model.dispose(); }
  };
  what = `pretraining: ${spec.patternsPerEpoch} simulated patterns an epoch (${spec.families.join(', ')}), ${validationScans.length} held-out scans scored each epoch`;
} else {
  const sim = simulateScan({ n: 64, object: { kind: 'lines', height: 96, width: 96 }, scan: { kind: 'grid', step: 4 }, nphotons: 1e6, seed: 19 });
  const raw = toRawData(sim.arrays, 'soak (simulated)');
  const requested = resolveRunConfig(small);
  const dose = resolveDose(raw, undefined);
  const prepared = prepareTrainingData(raw, { gridsize: requested.gridsize, K: requested.K, seed: requested.seed }, dose.nphotons);
  config = resolveForData(requested, { probe: prepared.probe, nphotons: dose.nphotons }).config;
  const { data } = prepared;
  trainingData = { N: raw.N, X: data.X, coordsRelative: data.coordsRelative, probe: prepared.probe, intensityScale: prepared.intensityScale, canvasSize: prepared.canvasSize };
  what = `training: ${raw.M} patterns, ${data.B} groups`;
}
const store = fileCheckpointStore(path.join(out, 'checkpoint'));

/** Bytes of every file under `dir`. */
function diskBytes(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
  return n;
}

const rows = [];
let last;
const t0 = performance.now();
log(`${what}, f = ${config.nFiltersScale}, ${minutes} min; checkpoints in ${out}`);
const result = await train(config, trainingData, {
  ...(validate ? { validate } : {}),
  onEpoch: (r) => { last = r; },
  store: {
    // After the checkpoint of each epoch: tensors, RSS after GC, disk.
    saveCheckpoint: async (ck) => {
      await store.saveCheckpoint(ck);
      globalThis.gc();
      const m = process.memoryUsage();
      const row = {
        epoch: ck.epoch, minutes: r3((performance.now() - t0) / 60_000), loss: last ? r3(last.loss) : null,
        tensors: tf.memory().numTensors, tensorMiB: r3(tf.memory().numBytes / MiB),
        rssMiB: r3(m.rss / MiB), heapMiB: r3(m.heapUsed / MiB), externalMiB: r3((m.external + m.arrayBuffers) / MiB),
        diskBytes: diskBytes(out), stateBytes: fs.statSync(path.join(out, 'checkpoint', 'checkpoint.json')).size,
      };
      rows.push(row);
      log(`epoch ${row.epoch} at ${row.minutes} min: tensors ${row.tensors}, RSS ${row.rssMiB} MiB, heap ${row.heapMiB} MiB, disk ${row.diskBytes} B, loss ${row.loss}`);
    },
  },
});
result.model.dispose();

// Warm-up: the first 10 % of the epochs (at least 3). RSS growth: median of the last five epochs
// against the median of the five after warm-up; slope by least squares after warm-up.
const warm = Math.max(3, Math.ceil(rows.length / 10));
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };
const after = rows.slice(warm);
const base = median(after.slice(0, 5).map((r) => r.rssMiB)), end = median(after.slice(-5).map((r) => r.rssMiB));
let slope = NaN;
if (after.length >= 2) {
  const mx = after.reduce((s, r) => s + r.minutes, 0) / after.length, my = after.reduce((s, r) => s + r.rssMiB, 0) / after.length;
  slope = after.reduce((s, r) => s + (r.minutes - mx) * (r.rssMiB - my), 0) / after.reduce((s, r) => s + (r.minutes - mx) ** 2, 0);
}
const tensors = rows.map((r) => r.tensors), disk = after.map((r) => r.diskBytes);
// The arrays (weights, Adam moments, probe) have one size; checkpoint.json carries the history, one record per epoch.
const arrays = after.map((r) => r.diskBytes - r.stateBytes);
const perEpoch = after.length >= 2 ? (after.at(-1).stateBytes - after[0].stateBytes) / (after.at(-1).epoch - after[0].epoch) : NaN;
const summary = {
  epochs: rows.length, stopReason: result.stopReason, minutes: r3((performance.now() - t0) / 60_000), warmupEpochs: warm,
  tensors: { first: tensors[0], last: tensors.at(-1), min: Math.min(...tensors), max: Math.max(...tensors), constantAfterWarmup: after.every((r) => r.tensors === after[0]?.tensors) },
  rss: { afterWarmupMiB: r3(base), lastMiB: r3(end), growthPercent: r3(100 * (end / base - 1)), slopeMiBPerHour: r3(60 * slope), maxMiB: Math.max(...rows.map((r) => r.rssMiB)) },
  disk: {
    minBytes: Math.min(...disk), maxBytes: Math.max(...disk),
    arraysMinBytes: Math.min(...arrays), arraysMaxBytes: Math.max(...arrays), historyBytesPerEpoch: r3(perEpoch),
    leftovers: fs.readdirSync(out).filter((f) => f !== 'checkpoint'),
  },
  targets: 'tensor count constant after warm-up; RSS growth after warm-up < 5 %; disk bounded: one checkpoint at rest (its arrays one size; its history one record per epoch), nothing left beside it',
};
summary.met = summary.tensors.constantAfterWarmup && summary.rss.growthPercent < 5 && summary.disk.arraysMinBytes === summary.disk.arraysMaxBytes && summary.disk.leftovers.length === 0;
if (values.out === undefined) fs.rmSync(out, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ config: { what, nFiltersScale: config.nFiltersScale, gridsize: config.gridsize, batchSize: config.batchSize, backend: 'wasm (1 thread)' }, summary, perEpoch: rows })}\n`);
