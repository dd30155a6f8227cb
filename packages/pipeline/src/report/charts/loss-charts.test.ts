import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '@ptychojs/model';
import { frcChart } from './frc-chart.js';
import { lossCharts } from './loss-charts.js';

const rec = (epoch: number, valLoss: number | null): EpochRecord => ({ epoch, loss: 10 - epoch, nll: 9 - epoch, mae: 0, tv: 0.5, realspace: 0, valLoss, lr: 1e-3, seconds: 1, samplesPerSec: 10 });

describe('lossCharts', () => {
  it('charts the total with validation, then each term that was computed', () => {
    const charts = lossCharts([rec(0, 11), rec(1, 10)]);
    expect(charts.map((c) => c.title)).toEqual(['training loss (weighted total)', 'Poisson NLL (per epoch)', 'total variation (per epoch)']);
    expect(charts[0]!.series.map((s) => s.name)).toEqual(['training', 'validation']);
    expect(Array.from(charts[0]!.series[1]!.y)).toEqual([11, 10]);
    expect(Array.from(charts[1]!.series[0]!.y)).toEqual([9, 8]);
    // history.json's epochs 0 and 1 are the log's epochs 1 and 2.
    expect(Array.from(charts[0]!.series[0]!.x)).toEqual([1, 2]);
  });

  it('has no validation series without a validation set', () => {
    expect(lossCharts([rec(0, null)])[0]!.series.map((s) => s.name)).toEqual(['training']);
  });
});

describe('frcChart', () => {
  it('draws amplitude, phase and the 0.5 threshold over 0…1', () => {
    const c = frcChart({ amp: { frequency: [0.1, 0.2], value: [0.9, 0.4] }, phase: { frequency: [0.1, 0.2], value: [0.8, 0.3] } });
    expect(c.series.map((s) => s.name)).toEqual(['amplitude', 'phase', 'threshold 0.5']);
    expect(c.yInclude).toEqual([0, 1]);
    expect(c.series[2]!.dashed).toBe(true);
  });
});

describe('lossCharts axes', () => {
  it('puts whole epochs on the x axis, with room around a single epoch', () => {
    const [total] = lossCharts([rec(0, null)]);
    expect(total!.xIntegers).toBe(true);
    expect(total!.xInclude).toEqual([0, 2]);
  });
});
