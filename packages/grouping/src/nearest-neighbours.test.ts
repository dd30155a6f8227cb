import { describe, expect, it } from 'vitest';
import { createRng } from '@ptychojs/io';
import { median } from './median.js';
import { medianStep } from './median-step.js';
import { nearestNeighbours } from './nearest-neighbours.js';

describe('nearestNeighbours', () => {
  it('is the nearest other position by brute force (ties by smaller index), and medianStep is the median of its distances', () => {
    const rng = createRng(7);
    for (const M of [2, 3, 17, 200]) {
      // Positions on a 0.5-px lattice, so ties and duplicates occur.
      const xs = Float64Array.from({ length: M }, () => Math.round(20 * rng.next()) / 2), ys = Float64Array.from({ length: M }, () => Math.round(20 * rng.next()) / 2);
      const { index, distance } = nearestNeighbours(xs, ys);
      for (let i = 0; i < M; i++) {
        let best = -1, bestD = Infinity;
        for (let j = 0; j < M; j++) {
          const d = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
          if (j !== i && d < bestD) { best = j; bestD = d; }
        }
        expect([index[i], distance[i]], `M ${M}, position ${i}`).toEqual([best, bestD]);
      }
      expect(medianStep(xs, ys)).toBe(median(distance));
    }
  });

  it('median: the middle value, or the mean of the two middle ones; NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
