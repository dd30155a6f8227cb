import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../../__fixtures__/resolved-config.js';
import type { RunConfigInput } from '../../config/run-config.js';
import { simulateGroups } from '../../__fixtures__/simulate-groups.js';
import { predictObject } from '../../model/predict-object.js';
import { train } from '../../train/train.js';
import type { Checkpoint, EpochRecord } from '../../train/types.js';
import type { WorkerGroup } from './start-worker-group.js';
import { WorkerFailedError } from './worker-failed-error.js';
import { workerTrainingEngine } from './worker-training-engine.js';

/**
 * Tiny runs (N = 64, f = 0.25, gridsize 2, batches of 4 groups) on wasm, in worker threads and in
 * this thread. Workers run the built package: these tests need `nx run @ptychojs/model:build`
 * (the test target depends on it).
 */
const tiny = (extra: RunConfigInput = {}) => resolvedConfig({ nFiltersScale: 0.25, batchSize: 4, epochs: 2, seed: 1, lrPatience: 100, earlyStopPatience: 100, ...extra });
const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);
const workers = (n: number, onStart?: (g: WorkerGroup) => void) => workerTrainingEngine({ workers: n, backend: 'wasm', ...(onStart ? { onStart } : {}) });

describeEachBackend('workerTrainingEngine', () => {
  // 10 groups: 2 held out, 8 trained in steps of 3, 3 and 2; position jitter exercises the extraction coordinates.
  let data: ReturnType<typeof simulateGroups>;
  beforeAll(() => { data = simulateGroups({ B: 10, seed: 11 }); });
  const config = tiny({ validationFraction: 0.2, positionJitter: 0.5, epochs: 3, batchSize: 3 });
  let inThread: Awaited<ReturnType<typeof train>> | undefined;

  it('with one worker, trains exactly as in this thread (same history, same weights, bit for bit)', async () => {
    inThread = await train(config, data);
    const one = await train(config, data, { engine: workers(1) });
    expect(one.replicas).toBe(1);
    expect(strip(one.history)).toEqual(strip(inThread.history));
    // variableGrads + applyGradients is what minimize does; the same floats go in, the same come out.
    const a = await predictObject(inThread.model, data.X, data.coordsRelative);
    const b = await predictObject(one.model, data.X, data.coordsRelative);
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    one.model.dispose();
  });

  it('with two workers, gives the one-thread loss history to float32 tolerance, replicas identical', async () => {
    const two = await train(config, data, { engine: workers(2) });
    expect(two.replicas).toBe(2);
    expect(two.engine).toMatch(/2 worker threads \(wasm\)/);
    const ref = inThread!.history;
    expect(two.history).toHaveLength(ref.length);
    // Each shard's mean is weighted by its share of the batch (3 groups → shards of 2 and 1) and
    // the weighted shard gradients are summed: the same mathematics in another float32 summation
    // order. Measured over 9 Adam steps: loss, NLL and validation loss within 5e-8 relative, TV
    // 3e-7, MAE (a mean of small differences) 2e-5. Averaging the shards unweighted instead moves
    // them by 3e-5, 6e-5, 5e-3 and 3e-4: the tolerances below sit between the two.
    const tol = { loss: 1e-6, nll: 1e-6, valLoss: 1e-6, tv: 1e-5, mae: 1e-4 } as const;
    two.history.forEach((r, i) => {
      for (const k of Object.keys(tol) as (keyof typeof tol)[]) {
        expect(Math.abs(r[k]! - ref[i]![k]!)).toBeLessThan(tol[k] * Math.abs(ref[i]![k]!));
      }
    });
    // finish() passed the fingerprint check (replicas equal) and rebuilt the model here; the
    // predicted objects differ by ~4e-5 of their peak (measured).
    const a = await predictObject(inThread!.model, data.X, data.coordsRelative);
    const b = await predictObject(two.model, data.X, data.coordsRelative);
    let maxDiff = 0, maxAbs = 0;
    a.re.forEach((v, k) => { maxDiff = Math.max(maxDiff, Math.abs(v - b.re[k]!)); maxAbs = Math.max(maxAbs, Math.abs(v)); });
    expect(maxDiff).toBeLessThan(1e-3 * maxAbs);
    two.model.dispose();
    inThread!.model.dispose();
  });

  it('writes checkpoints that resume in either engine to the same history', async () => {
    const cfg = tiny({ validationFraction: 0, epochs: 2 });
    const saved: Checkpoint[] = [];
    const full = await train(cfg, data, { engine: workers(2), store: { saveCheckpoint: async (c) => { saved.push(c); } } });
    expect(saved.map((c) => c.epoch)).toEqual([1, 2]);
    const resumed = await train(cfg, data, { engine: workers(2), resume: saved[0] });
    // Same backend, same shards, same order of operations: identical floats.
    expect(strip(resumed.history)).toEqual(strip(full.history));
    const inThreadResumed = await train(cfg, data, { resume: saved[0] });
    expect(Math.abs(inThreadResumed.history[1]!.loss - full.history[1]!.loss)).toBeLessThan(1e-4 * Math.abs(full.history[1]!.loss));
    for (const r of [full, resumed, inThreadResumed]) r.model.dispose();
  });

  it('ends the run with a WorkerFailedError naming the worker that died, keeping the last checkpoint', async () => {
    const cfg = tiny({ validationFraction: 0, epochs: 3 });
    const saved: Checkpoint[] = [];
    let group: WorkerGroup | undefined;
    let steps = 0;
    const err = await train(cfg, data, {
      engine: workers(2, (g) => { group = g; }),
      store: { saveCheckpoint: async (c) => { saved.push(c); } },
      // 10 groups in batches of 4: 3 steps per epoch. After the first step of the second epoch,
      // worker 2 is killed (as by a crash or the OOM killer).
      onBatch: () => { if (++steps === 4) void group!.threads[1]!.terminate(); },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerFailedError);
    expect((err as WorkerFailedError).message).toMatch(/training worker 2 of 2 exited/);
    expect(saved.map((c) => c.epoch)).toEqual([1]);
    // The surviving worker was stopped too: nothing keeps running.
    expect(group!.threads.every((t) => t.threadId === -1)).toBe(true);
  });
}, ['wasm']);
