import { describe, expect, it } from 'vitest';
import { parseTrainingHistory } from './parse-training-history.js';

const record = (epoch: number, loss: number, valLoss: number | null) => ({ epoch, loss, nll: loss, mae: 0, tv: 0, realspace: 0, valLoss, lr: 1e-3, seconds: 2.5, samplesPerSec: 40 });

describe('parseTrainingHistory', () => {
  it('accepts the epoch records training writes, validation loss null or a number', () => {
    const h = parseTrainingHistory([record(0, -10, null), record(1, -11, -10.5)], 'run/history.json');
    expect(h.map((r) => r.loss)).toEqual([-10, -11]);
  });

  it('names the record and field that is wrong', () => {
    expect(() => parseTrainingHistory([record(0, -10, null), { ...record(1, -11, null), loss: '-11' }], 'run/history.json'))
      .toThrow(/run\/history\.json, key '1\.loss'.*expected number; got "-11"/);
    expect(() => parseTrainingHistory({ loss: 1 }, 'run/history.json')).toThrow(/must be an array.*got object/);
  });
});
