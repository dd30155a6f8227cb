import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '@ptychojs/model';
import { InputError } from '@ptychojs/io';
import { chartSvg } from '../report/charts/chart-svg.js';
import { lossCharts } from '../report/charts/loss-charts.js';
import { lossPng } from './loss-png.js';

const rec = (epoch: number, valLoss: number | null): EpochRecord => ({ epoch, loss: 10 / (epoch + 1), nll: 9, mae: 0, tv: 0, realspace: 0, valLoss, lr: 1e-3, seconds: 1, samplesPerSec: 10 });

describe('lossPng', () => {
  it('is the report\'s total-loss chart as a PNG: training and validation where the SVG draws them', () => {
    const history = [rec(0, 12), rec(1, 6), rec(2, 4)];
    const png = decode(lossPng(history));
    expect([png.width, png.height]).toEqual([520, 320]);
    const svg = chartSvg(lossCharts(history)[0]!);
    const pts = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3" fill="#([0-9a-f]{6})"/g)];
    expect(pts).toHaveLength(6);
    expect(new Set(pts.map((m) => m[3]))).toEqual(new Set(['1f77b4', 'ff7f0e'])); // training, validation
    for (const [, x, y, hex] of pts) {
      const i = (Math.round(Number(y)) * png.width + Math.round(Number(x))) * png.channels;
      expect(Array.from(png.data.subarray(i, i + 3))).toEqual([0, 2, 4].map((k) => parseInt(hex!.slice(k, k + 2), 16)));
    }
  });

  it('refuses an empty history: there is no curve to draw', () => {
    expect(() => lossPng([])).toThrow(InputError);
  });
});
