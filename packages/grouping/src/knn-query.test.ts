import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { buildKnnIndex } from './build-knn-index.js';
import { knnQuery } from './knn-query.js';
import { knnQueryInto } from './knn-query-into.js';

describe('knnQuery', () => {
  const rng = createRng(11), M = 3000;
  const xs = Float64Array.from({ length: M }, () => rng.next() * 500);
  const ys = Float64Array.from({ length: M }, () => rng.next() * 300);
  const index = buildKnnIndex(xs, ys);
  const brute = (qx: number, qy: number, k: number, exclude = -1): number[] => {
    const d = (i: number): number => (xs[i]! - qx) ** 2 + (ys[i]! - qy) ** 2;
    return Array.from({ length: M }, (_, i) => i).filter((i) => i !== exclude).sort((a, b) => d(a) - d(b) || a - b).slice(0, k);
  };

  it('finds the k nearest to arbitrary query points, including points outside the data', () => {
    // (x−q)² is evaluated identically on both sides, so the orders agree exactly.
    for (let t = 0; t < 200; t++) {
      const qx = rng.next() * 700 - 100, qy = rng.next() * 500 - 100;
      expect(Array.from(knnQuery(index, qx, qy, 9))).toEqual(brute(qx, qy, 9));
    }
  });

  it('leaves out the excluded index', () => {
    for (const q of [0, 17, 2999]) expect(Array.from(knnQuery(index, xs[q]!, ys[q]!, 6, { exclude: q }))).toEqual(brute(xs[q]!, ys[q]!, 6, q));
    expect(knnQuery(index, xs[5]!, ys[5]!, 1)[0]).toBe(5);
  });

  it('returns all points when k exceeds the index size', () => {
    const small = buildKnnIndex([0, 3, 1], [0, 0, 0]);
    expect(Array.from(knnQuery(small, 0, 0, 10))).toEqual([0, 2, 1]);
    expect(Array.from(knnQuery(small, 0, 0, 10, { exclude: 2 }))).toEqual([0, 1]);
  });

  it('knnQueryInto writes at an offset and reports the count', () => {
    const out = new Int32Array(10).fill(-7);
    expect(knnQueryInto(index, 250, 150, 4, out, 3)).toBe(4);
    expect(Array.from(out)).toEqual([-7, -7, -7, ...brute(250, 150, 4), -7, -7, -7]);
  });
});
