import { expect, it } from 'vitest';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups } from '../__fixtures__/simulate-groups.js';
import { predictObject } from '../model/predict-object.js';
import { unetArtifacts } from '../model/model-artifacts.js';
import { train } from './train.js';
import type { Checkpoint, EpochRecord, TrainingStream } from './types.js';

/** A stream of tiny simulated epochs: epoch e is simulateGroups with seed 100 + e (fresh objects every epoch). */
function stream(B = 4): TrainingStream & { drawn: number[] } {
  const first = simulateGroups({ B, seed: 100 });
  const val = simulateGroups({ B: 2, seed: 99 });
  const drawn: number[] = [];
  return {
    N: first.N, probe: first.probe, intensityScale: first.intensityScale, canvasSize: first.canvasSize ?? 96, drawn,
    async epoch(e) {
      drawn.push(e);
      const d = simulateGroups({ B, seed: 100 + e });
      return { X: d.X, coordsRelative: d.coordsRelative };
    },
    validation: { X: val.X, coordsRelative: val.coordsRelative },
  };
}

const config = (extra: Record<string, unknown> = {}) => resolvedConfig({ nFiltersScale: 0.25, batchSize: 4, epochs: 3, seed: 2, earlyStopPatience: 100, ...extra });
const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);

describeEachBackend('train on a TrainingStream (pretraining, issue 15)', () => {
  it('draws every epoch afresh, validates on the fixed groups, and records the validate hook\'s scores', async () => {
    const s = stream();
    let calls = 0;
    const res = await train(config(), s, { validate: async (state, epoch) => { calls++; return { epoch, weights: state.weights.weightData ? 1 : 0 }; } });
    expect(s.drawn).toEqual([0, 1, 2]);
    expect(calls).toBe(3);
    expect(res.history.map((r) => r.scores)).toEqual([0, 1, 2].map((epoch) => ({ epoch, weights: 1 })));
    expect(res.history.every((r) => r.valLoss !== null && r.patterns === 4 * 4)).toBe(true);
    res.model.dispose();
  });

  it("counts the drawing of an epoch's groups in its seconds and in the time budget", async () => {
    // Each epoch takes ≥ 1.5 s to draw; a 1.2 s budget is crossed by the first epoch's drawing alone,
    // so training stops after its first step (of 2), and that epoch's record holds the drawing's time.
    // Counting only the steps, the budget would last several epochs.
    const s = stream(8);
    const slow: TrainingStream = { ...s, epoch: async (e) => { await new Promise((r) => setTimeout(r, 1500)); return s.epoch(e); } };
    let steps = 0;
    const res = await train(config({ maxMinutes: 1.2 / 60, epochs: 5 }), slow, { onBatch: () => steps++ });
    expect(steps).toBe(1);
    expect(res.stopReason).toBe('time-budget');
    expect(res.history).toHaveLength(1);
    expect(res.history[0]!.seconds).toBeGreaterThanOrEqual(1.5);
    res.model.dispose();
  });

  it('resumes from a checkpoint to the same history and weights as an uninterrupted run (epochs regenerated)', async () => {
    const saved: Checkpoint[] = [];
    const full = await train(config(), stream(), { store: { saveCheckpoint: async (c) => { saved.push(c); } } });
    const s = stream();
    const resumed = await train(config(), s, { resume: saved[0] });
    expect(s.drawn).toEqual([1, 2]);
    expect(strip(resumed.history)).toEqual(strip(full.history));
    const d = simulateGroups({ B: 2, seed: 5 });
    const [a, b] = [await predictObject(full.model, d.X, d.coordsRelative), await predictObject(resumed.model, d.X, d.coordsRelative)];
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    full.model.dispose();
    resumed.model.dispose();
  });

  it('starts from initialWeights: with 0 epochs the model is exactly the given network', async () => {
    const trained = await train(config({ epochs: 1 }), stream());
    const weights = await unetArtifacts(trained.model.unet);
    const same = await train(config({ epochs: 0 }), stream(), { initialWeights: weights });
    expect(same.history).toEqual([]);
    const d = simulateGroups({ B: 2, seed: 6 });
    const [a, b] = [await predictObject(trained.model, d.X, d.coordsRelative), await predictObject(same.model, d.X, d.coordsRelative)];
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    // A fresh network (no initialWeights) predicts something else.
    const fresh = await train(config({ epochs: 0, seed: 2 }), stream());
    const c = await predictObject(fresh.model, d.X, d.coordsRelative);
    expect(Array.from(c.re)).not.toEqual(Array.from(a.re));
    for (const m of [trained.model, same.model, fresh.model]) m.dispose();
  });
}, ['wasm']);
