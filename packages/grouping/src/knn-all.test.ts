import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { knnAll } from './knn-all.js';

/** Reference: sort every point by (squared distance, index) — the same tie rule knnAll promises. */
function bruteKnn(xs: Float64Array, ys: Float64Array, k: number, excludeSelf: boolean): Int32Array {
  const M = xs.length, out = new Int32Array(M * k);
  const order = Array.from({ length: M }, (_, i) => i);
  for (let q = 0; q < M; q++) {
    const d = new Float64Array(M);
    for (let i = 0; i < M; i++) { const dx = xs[i]! - xs[q]!, dy = ys[i]! - ys[q]!; d[i] = dx * dx + dy * dy; }
    const cand = order.filter((i) => !(excludeSelf && i === q)).sort((a, b) => d[a]! - d[b]! || a - b);
    out.set(cand.slice(0, k), q * k);
  }
  return out;
}

function randomPoints(M: number, seed: number, scale = 1000): { xs: Float64Array; ys: Float64Array } {
  const rng = createRng(seed), xs = new Float64Array(M), ys = new Float64Array(M);
  for (let i = 0; i < M; i++) { xs[i] = rng.next() * scale; ys[i] = rng.next() * scale; }
  return { xs, ys };
}

// Distances are computed with the same float64 formula on both sides, so results must match exactly.
describe('knnAll equals brute force', () => {
  it.each([
    [1, false, 16], [7, false, 16], [7, true, 16], [20, true, 2], [6, true, 64],
  ])('on 1000 random points, k=%d, excludeSelf=%s, nodeSize=%d', (k, excludeSelf, nodeSize) => {
    const { xs, ys } = randomPoints(1000, k * 10 + nodeSize);
    expect(knnAll(xs, ys, k, { excludeSelf, nodeSize })).toEqual(bruteKnn(xs, ys, k, excludeSelf));
  });

  it('with duplicate positions (ties at distance 0 broken by index)', () => {
    const { xs: bx, ys: by } = randomPoints(300, 3, 50);
    // every base point appears 1–3 times, interleaved so duplicates have far-apart indices
    const xs = new Float64Array(700), ys = new Float64Array(700), rng = createRng(4);
    for (let i = 0; i < 700; i++) { const j = i < 300 ? i : rng.int(300); xs[i] = bx[j]!; ys[i] = by[j]!; }
    for (const excludeSelf of [false, true]) {
      expect(knnAll(xs, ys, 8, { excludeSelf, nodeSize: 4 })).toEqual(bruteKnn(xs, ys, 8, excludeSelf));
    }
    // a duplicate of point q with a smaller index ranks before q itself
    const dupOf = new Map<string, number>();
    const nn = knnAll(xs, ys, 1);
    for (let i = 0; i < 700; i++) {
      const key = `${xs[i]},${ys[i]}`;
      if (!dupOf.has(key)) dupOf.set(key, i);
      expect(nn[i]).toBe(dupOf.get(key));
    }
  });

  it('with collinear points and a regular grid (many equal distances)', () => {
    const line = { xs: new Float64Array(400), ys: new Float64Array(400) };
    for (let i = 0; i < 400; i++) { line.xs[i] = (i * 37) % 400; line.ys[i] = 2 * ((i * 37) % 400) + 5; }
    expect(knnAll(line.xs, line.ys, 6, { excludeSelf: true })).toEqual(bruteKnn(line.xs, line.ys, 6, true));
    const vertical = { xs: new Float64Array(300).fill(7), ys: Float64Array.from({ length: 300 }, (_, i) => (i * 53) % 300) };
    expect(knnAll(vertical.xs, vertical.ys, 5, { excludeSelf: true, nodeSize: 2 })).toEqual(bruteKnn(vertical.xs, vertical.ys, 5, true));
    const grid = { xs: new Float64Array(625), ys: new Float64Array(625) };
    for (let i = 0; i < 625; i++) { grid.xs[i] = 4 * (i % 25); grid.ys[i] = 4 * Math.floor(i / 25); }
    expect(knnAll(grid.xs, grid.ys, 8, { excludeSelf: true })).toEqual(bruteKnn(grid.xs, grid.ys, 8, true));
  });

  it('returns all points when k = M (or M−1 without self)', () => {
    const { xs, ys } = randomPoints(40, 9);
    expect(knnAll(xs, ys, 40)).toEqual(bruteKnn(xs, ys, 40, false));
    expect(knnAll(xs, ys, 39, { excludeSelf: true })).toEqual(bruteKnn(xs, ys, 39, true));
  });

  it('refuses k larger than the points available, k < 1, and non-finite coordinates', () => {
    const { xs, ys } = randomPoints(10, 1);
    expect(() => knnAll(xs, ys, 10, { excludeSelf: true })).toThrow(/only 9 other points/);
    expect(() => knnAll(xs, ys, 11)).toThrow(/only 10 points/);
    expect(() => knnAll(xs, ys, 0)).toThrow(/k must be an integer ≥ 1/);
    ys[3] = Number.NaN;
    expect(() => knnAll(xs, ys, 2)).toThrow(/coordinate 3 is not finite/);
    expect(() => knnAll(xs, ys.subarray(1), 2)).toThrow(/differ in length/);
  });
});
