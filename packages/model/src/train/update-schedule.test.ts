import { describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../config/resolve-run-config.js';
import { initialSchedule, updateSchedule } from './update-schedule.js';

/** Run the schedule over (train, val) pairs; return the lr used in each epoch and where it stopped. */
function replay(losses: [number, number | null][], input = {}) {
  const config = resolveRunConfig(input);
  let state = initialSchedule(config);
  const lrs: number[] = [];
  for (let e = 0; e < losses.length; e++) {
    lrs.push(state.lr);
    const r = updateSchedule(state, losses[e]![0], losses[e]![1], config);
    state = r.state;
    if (r.stop) return { lrs, stoppedAfter: e, state };
  }
  return { lrs, stoppedAfter: -1, state };
}

describe('updateSchedule', () => {
  it('halves the rate after 2 epochs without validation improvement, then restarts the count', () => {
    // val: 5 (best) 6 7 → halve; 8 9 → halve again; training keeps improving so no stop.
    const r = replay([[10, 5], [9, 6], [8, 7], [7, 8], [6, 9], [5, 10]]);
    expect(r.lrs).toEqual([1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4]);
    expect(r.stoppedAfter).toBe(-1);
  });

  it('never goes below the floor of 1e-4', () => {
    const r = replay(Array.from({ length: 12 }, (_, e) => [10 - e, 5 + e] as [number, number]));
    expect(r.lrs).toEqual([1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4, 1.25e-4, 1.25e-4, 1e-4, 1e-4, 1e-4]);
  });

  it('stops after 3 epochs without training-loss improvement', () => {
    // Best training loss at epoch 1 (4); epochs 2, 3, 4 do not beat it → stop after epoch 4.
    const r = replay([[5, 1], [4, 0.9], [4, 0.8], [4.5, 0.7], [4.1, 0.6], [1, 0.5]]);
    expect(r.stoppedAfter).toBe(4);
    expect(r.lrs).toEqual([1e-3, 1e-3, 1e-3, 1e-3, 1e-3]);
  });

  it('follows the training loss when there is no validation set', () => {
    const r = replay([[5, null], [6, null], [7, null]], { earlyStopPatience: 10 });
    expect(r.lrs).toEqual([1e-3, 1e-3, 1e-3]);
    expect(r.state.lr).toBe(5e-4);
  });

  it('uses the configured patience values', () => {
    const r = replay([[5, 5], [6, 6], [7, 7]], { lrPatience: 1, earlyStopPatience: 2 });
    expect(r.lrs).toEqual([1e-3, 1e-3, 5e-4]);
    expect(r.stoppedAfter).toBe(2);
  });
});
