import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { NonFiniteError } from '@ptychojs/physics';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import type { RunConfigInput } from '../config/run-config.js';
import { simulateGroups, type SimulatedGroups } from '../__fixtures__/simulate-groups.js';
import { predictObject } from '../model/predict-object.js';
import { train } from './train.js';
import type { Checkpoint, EpochRecord } from './types.js';
import { initialSchedule, updateSchedule } from './update-schedule.js';

/** Tiny runs: N=64, f=0.25 (filters 8/16/32), gridsize 2. */
const tiny = (extra: RunConfigInput = {}) => resolvedConfig({ nFiltersScale: 0.25, batchSize: 4, epochs: 2, seed: 1, ...extra });

/** Mean of Y − Y·log Y over the data: the smallest Poisson NLL any prediction can reach. */
function nllFloor(d: SimulatedGroups): number {
  let sum = 0;
  for (const x of d.X) { const y = (x * d.intensityScale) ** 2; sum += y > 0 ? y - y * Math.log(y) : 0; }
  return sum / d.X.length;
}

const firstLosses: Record<string, number[]> = {};

describeEachBackend('train', (backend) => {
  it('lowers the Poisson NLL over steps on a simulated dataset, with flat tensor memory', async () => {
    // cpu: the fast Conv2DBackpropFilter fill (stock cpu is ~20x slower; notes/tfjs-lab.md §1).
    if (backend === 'cpu') registerKernelFills('cpu', { cpuConvBackpropFilter: true });
    const data = simulateGroups({ B: 4, seed: 3 });
    const floor = nllFloor(data);
    const counts: number[] = [];
    const config = tiny({ epochs: 8, validationFraction: 0, lr: 3e-3, earlyStopPatience: 100, lrPatience: 100 });
    const before = tf.memory().numTensors;
    const { model, history } = await train(config, data, { onEpoch: () => counts.push(tf.memory().numTensors) });
    const excess = history.map((r) => r.nll - floor);
    firstLosses[backend] = history.slice(0, 3).map((r) => r.loss);
    // One batch per epoch, so each epoch is one Adam step on the same 4 groups. Measured: the
    // excess NLL falls from ~109 to ~37 in 8 steps on both backends; requiring < 60% of the start
    // fails for a broken gradient (no decrease) with a wide margin for float noise.
    expect(excess[7]!).toBeLessThan(0.6 * excess[0]!);
    expect(history.every((r) => r.mae > 0 && r.tv > 0 && r.valLoss === null)).toBe(true);
    // Memory: after the first step (Adam's moments appear), every epoch ends with the same count.
    expect(new Set(counts.slice(1)).size).toBe(1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
}, ['cpu', 'wasm']);

describeEachBackend('train, cpu only', () => {
  it('gives identical history and reconstruction for the same inputs and seed (issue 9)', async () => {
    registerKernelFills('cpu', { cpuConvBackpropFilter: true });
    const data = simulateGroups({ B: 5, seed: 13 });
    const config = tiny({ epochs: 2, validationFraction: 0.2, positionJitter: 0.5 });
    const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);
    const [a, b] = [await train(config, data), await train(config, data)];
    expect(strip(b.history)).toEqual(strip(a.history));
    const [pa, pb] = [await predictObject(a.model, data.X, data.coordsRelative), await predictObject(b.model, data.X, data.coordsRelative)];
    expect(Array.from(pb.re)).toEqual(Array.from(pa.re));
    expect(Array.from(pb.im)).toEqual(Array.from(pa.im));
    a.model.dispose();
    b.model.dispose();
  });
}, ['cpu']);

describe('train on cpu and wasm', () => {
  it('gives the same first losses on both backends', () => {
    expect(firstLosses['cpu']).toHaveLength(3);
    // Float32 kernels differ in summation order; 1e-4 relative over 3 steps (measured ~2e-5).
    firstLosses['cpu']!.forEach((v, i) => expect(Math.abs(v - firstLosses['wasm']![i]!)).toBeLessThan(1e-4 * Math.abs(v)));
  });
});

describeEachBackend('train, wasm only', () => {

  it('calls onBatch/onEpoch, records every history field, and follows its own schedule', async () => {
    const data = simulateGroups({ B: 10, seed: 5 });
    const config = tiny({ epochs: 4, validationFraction: 0.2, lrPatience: 1, earlyStopPatience: 2 });
    const batches: number[][] = [];
    const epochs: EpochRecord[] = [];
    const res = await train(config, data, {
      onBatch: (p) => { batches.push([p.epoch, p.batch, p.batches]); expect(p.loss).toBeTypeOf('number'); expect(p.samplesPerSec).toBeGreaterThan(0); },
      onEpoch: (r) => epochs.push(r),
    });
    // 10 groups, 2 held out, 8 trained in batches of 4 → 2 batches per epoch.
    expect(batches.filter((b) => b[0] === 0)).toEqual([[0, 0, 2], [0, 1, 2]]);
    expect(epochs).toEqual(res.history);
    let state = initialSchedule(config);
    let stop = false;
    for (const r of res.history) {
      expect(r.lr).toBe(state.lr);
      expect(r.valLoss).toBeTypeOf('number');
      for (const k of ['loss', 'nll', 'mae', 'tv', 'realspace', 'seconds', 'samplesPerSec'] as const) expect(Number.isFinite(r[k])).toBe(true);
      expect(r.loss).toBeCloseTo(r.nll, 6); // default weights: total = NLL
      ({ state, stop } = updateSchedule(state, r.loss, r.valLoss, config));
    }
    expect(res.stopReason).toBe(stop ? 'early-stop' : 'epochs');
    expect(res.history.length).toBe(stop ? res.history.length : 4);
    res.model.dispose();
  });

  it('stops after the step that crosses maxMinutes, recording and checkpointing the epoch so far', async () => {
    // 12 groups, 3 held out (validationFraction 0.25), batches of 4: 3 steps per epoch. A budget of
    // 1 µs is crossed by the first step, so the run ends there, mid-epoch, with that one step's record.
    let steps = 0;
    const saved: number[] = [];
    const store = { saveCheckpoint: async (c: Checkpoint) => { saved.push(c.epoch); }, loadCheckpoint: async () => undefined };
    const res = await train(tiny({ validationFraction: 0.25, maxMinutes: 1e-6 / 60, epochs: 5 }), simulateGroups({ B: 12, seed: 6 }), { onBatch: () => steps++, store });
    expect(steps).toBe(1);
    expect(res.stopReason).toBe('time-budget');
    expect(res.history).toHaveLength(1);
    expect(res.history[0]!.patterns).toBe(4 * 4); // one batch of 4 groups of C = 4 patterns
    expect(res.history[0]!.valLoss).not.toBeNull();
    expect(saved).toEqual([1]);
    res.model.dispose();
  });

  it('takes a first Adam step of size lr on every weight (tf.train.adam, SPEC §3)', async () => {
    const data = simulateGroups({ B: 4, seed: 8 });
    // An untrained model with the same seed has the initial weights.
    const { createPtychoModel } = await import('../model/create-ptycho-model.js');
    const config = tiny({ epochs: 1, validationFraction: 0, lr: 2e-3 });
    const init = createPtychoModel(config, { N: 64, probe: data.probe, intensityScale: data.intensityScale, canvasSize: data.canvasSize! });
    const w0 = init.unet.getWeights().map((w) => w.dataSync().slice());
    const res = await train(config, data);
    const w1 = res.model.unet.getWeights().map((w) => w.dataSync());
    let maxStep = 0, moved = 0, total = 0;
    w0.forEach((a, i) => a.forEach((v, k) => { const d = Math.abs(w1[i]![k]! - v); maxStep = Math.max(maxStep, d); total++; if (d > 1.9e-3) moved++; }));
    // Step 1 of Adam is lr·g/(|g| + ε): exactly lr for |g| ≫ ε = 1e-7, never more.
    expect(maxStep).toBeLessThanOrEqual(2e-3 * 1.001);
    expect(moved / total).toBeGreaterThan(0.5);
    init.dispose();
    res.model.dispose();
  });

  it('resumes from a checkpoint to the same weights and history as an uninterrupted run', async () => {
    const data = simulateGroups({ B: 10, seed: 9 });
    const config = tiny({ epochs: 3, validationFraction: 0.2, positionJitter: 0.5, probeTrainable: true, intensityScaleTrainable: true, lrPatience: 1 });
    const saved: Checkpoint[] = [];
    const full = await train(config, data, { store: { saveCheckpoint: async (c) => { saved.push(c); } } });
    expect(saved.map((c) => c.epoch)).toEqual([1, 2, 3]);
    expect(saved[0]!.optimizer.length).toBe(1 + 2 * full.model.trainableVariables.length);
    const resumed = await train(config, data, { resume: saved[0] });
    const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);
    expect(strip(resumed.history)).toEqual(strip(full.history));
    // Same backend, same operations in the same order: identical floats.
    const a = await predictObject(full.model, data.X, data.coordsRelative);
    const b = await predictObject(resumed.model, data.X, data.coordsRelative);
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    expect(Array.from(resumed.probe.re)).toEqual(Array.from(full.probe.re));
    expect(resumed.learnedScale).toBe(full.learnedScale);
    // The trainable probe and scale moved away from their initial values.
    expect(Array.from(full.probe.re)).not.toEqual(Array.from(data.probe.re));
    expect(full.learnedScale).not.toBe(data.intensityScale);
    full.model.dispose();
    resumed.model.dispose();
  });

  it('on abort, stops after the step, saves a mid-epoch checkpoint, and resumes from it to the uninterrupted history', async () => {
    // 10 groups, 2 held out: 2 steps per epoch. Interrupt after step 3 (mid-epoch 1) and after
    // step 2 (the end of epoch 0's steps, before its validation and record).
    const data = simulateGroups({ B: 10, seed: 12 });
    const config = tiny({ epochs: 2, validationFraction: 0.2, positionJitter: 0.5 });
    const full = await train(config, data);
    const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);
    for (const [afterStep, epoch, batch, records] of [[3, 1, 1, 1], [2, 0, 2, 0]] as const) {
      const saved: Checkpoint[] = [];
      const abort = new AbortController();
      let steps = 0;
      const cut = await train(config, data, {
        signal: abort.signal, store: { saveCheckpoint: async (c) => { saved.push(c); } },
        onBatch: () => { if (++steps === afterStep) abort.abort(); },
      });
      expect(cut.stopReason).toBe('interrupted');
      expect(steps).toBe(afterStep);
      expect(cut.history).toHaveLength(records);
      cut.model.dispose();
      const last = saved.at(-1)!;
      expect([last.epoch, last.step?.batch, last.step?.seen]).toEqual([epoch, batch, 4 * batch]);
      const resumed = await train(config, data, { resume: last });
      // Same backend and operations, the jitter draws of the done steps replayed: identical floats.
      expect(strip(resumed.history)).toEqual(strip(full.history));
      resumed.model.dispose();
    }
    full.model.dispose();
  });

  it('stops on a NaN loss with a message naming the last good checkpoint, which stays as it was', async () => {
    const data = simulateGroups({ B: 4, seed: 4 });
    const saved: Checkpoint[] = [];
    const store = { saveCheckpoint: async (c: Checkpoint) => { saved.push(c); } };
    const config = tiny({ epochs: 3, validationFraction: 0 });
    const first = await train(tiny({ epochs: 1, validationFraction: 0 }), data, { store });
    first.model.dispose();
    // The resumed run's data overflow float32 ((s·X)² = inf): its first step is not finite.
    const err = await train(config, { ...data, intensityScale: 1e25 }, { store, resume: saved[0] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NonFiniteError);
    expect((err as Error).message).toMatch(/not finite at epoch 1, batch 0 .*The last good checkpoint \(after 1 epoch\) is kept/);
    expect(saved.map((c) => c.epoch)).toEqual([1]);
  });

  it('refuses a checkpoint made with other structural settings', async () => {
    const data = simulateGroups({ B: 4, seed: 2 });
    const saved: Checkpoint[] = [];
    const r = await train(tiny({ epochs: 1, validationFraction: 0 }), data, { store: { saveCheckpoint: async (c) => { saved.push(c); } } });
    r.model.dispose();
    const err = await train(tiny({ epochs: 2, validationFraction: 0, nFiltersScale: 0.5 }), data, { resume: saved[0] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).key).toBe('nFiltersScale');
  });

  it('trains the real-space term against ground-truth patches Y', async () => {
    const data = simulateGroups({ B: 4, seed: 4 });
    const res = await train(tiny({ epochs: 1, validationFraction: 0, realspaceWeight: 1, tvWeight: 1e-3 }), data);
    const r = res.history[0]!;
    expect(r.realspace).toBeGreaterThan(0);
    expect(r.loss).toBeCloseTo(r.nll + r.realspace + 1e-3 * r.tv, 1);
    res.model.dispose();
  });

  it('raises NonFiniteError when the loss overflows (SPEC §3: NaN is an error)', async () => {
    const data = { ...simulateGroups({ B: 4, seed: 4 }), intensityScale: 1e25 }; // (s·X)² overflows float32
    const before = tf.memory().numTensors;
    await expect(train(tiny({ epochs: 1, validationFraction: 0 }), data)).rejects.toThrow(NonFiniteError);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects data that does not fit the configuration, naming the key', async () => {
    const data = simulateGroups({ B: 4, seed: 4 });
    const keyOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof InputError ? e.key : String(e)));
    // X holds 16 patterns: 4 groups of C=4 but not whole groups of C=9.
    expect(await keyOf(train(tiny({ gridsize: 3, K: 8 }), data))).toBe('X');
    expect(await keyOf(train(tiny({ realspaceWeight: 1 }), { ...data, Y: undefined }))).toBe('realspaceWeight');
    // Y with 1 channel while X has 4 (SPEC: mismatched channel counts SHALL raise).
    const Y1 = { shape: [4, 64, 64, 1], re: data.Y.re.subarray(0, 4 * 4096), im: data.Y.im.subarray(0, 4 * 4096) };
    expect(await keyOf(train(tiny(), { ...data, Y: Y1 }))).toBe('Y');
    expect(await keyOf(train(tiny(), { ...data, coordsRelative: data.coordsRelative.subarray(2) }))).toBe('coordsRelative');
    const bad = data.X.slice(); bad[5] = NaN;
    expect(await keyOf(train(tiny(), { ...data, X: bad }))).toBe('X');
  });
}, ['wasm']);
