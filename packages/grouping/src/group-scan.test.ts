import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { groupScan } from './group-scan.js';
import { knnAll } from './knn-all.js';

function jitteredGrid(side: number, step: number, seed: number): { xs: Float64Array; ys: Float64Array } {
  const rng = createRng(seed), M = side * side, xs = new Float64Array(M), ys = new Float64Array(M);
  for (let i = 0; i < M; i++) { xs[i] = 40 + step * (i % side) + rng.next(); ys[i] = 40 + step * Math.floor(i / side) + rng.next(); }
  return { xs, ys };
}

describe('groupScan', () => {
  const { xs, ys } = jitteredGrid(23, 4, 1); // 529 positions like the golden scan

  it.each([1, 2, 3])('makes valid groups for gridsize %d', (gridsize) => {
    const C = gridsize * gridsize, K = Math.max(6, C - 1);
    const g = groupScan(xs, ys, { gridsize, K, seed: 7, nGroups: 200 });
    expect([g.B, g.C, g.gridsize, g.nnIndices.length, g.coordsNn.length, g.coordsOffsets.length, g.coordsRelative.length])
      .toEqual([200, C, gridsize, 200 * C, 200 * 2 * C, 200 * 2, 200 * 2 * C]);
    const nbrs = knnAll(xs, ys, K, { excludeSelf: true }); // brute-force-checked reference (knn-all.test)
    const seeds = new Set<number>();
    for (let b = 0; b < g.B; b++) {
      const members = Array.from(g.nnIndices.subarray(b * C, (b + 1) * C));
      const seed = members[0]!;
      seeds.add(seed);
      expect(new Set(members).size).toBe(C); // no duplicate member
      const pool = new Set(nbrs.subarray(seed * K, (seed + 1) * K));
      for (const m of members.slice(1)) expect(pool.has(m)).toBe(true); // channels 1… are among the K nearest
      let sx = 0, sy = 0, rx = 0, ry = 0;
      for (let c = 0; c < C; c++) {
        const x = g.coordsNn[b * 2 * C + c]!, y = g.coordsNn[b * 2 * C + C + c]!;
        expect([x, y]).toEqual([xs[members[c]!], ys[members[c]!]]);
        sx += x; sy += y;
        // relative = −(position − offset), exact to float64 rounding of one subtraction
        expect(g.coordsRelative[b * 2 * C + c]).toBe(-(x - g.coordsOffsets[2 * b]!));
        expect(g.coordsRelative[b * 2 * C + C + c]).toBe(-(y - g.coordsOffsets[2 * b + 1]!));
        rx += g.coordsRelative[b * 2 * C + c]!; ry += g.coordsRelative[b * 2 * C + C + c]!;
      }
      // offset is the mean; positions ~100 px, so 1e-12 bounds the float64 summation error
      expect(g.coordsOffsets[2 * b]).toBeCloseTo(sx / C, 12);
      expect(g.coordsOffsets[2 * b + 1]).toBeCloseTo(sy / C, 12);
      expect(Math.abs(rx) + Math.abs(ry)).toBeLessThan(1e-12);
    }
    expect(seeds.size).toBe(200); // seeds drawn without replacement
  });

  it('gridsize 1 uses the seeds directly with zero relative coordinates', () => {
    const g = groupScan(xs, ys, { gridsize: 1, seed: 3, sampling: 'sequential', nGroups: 10 });
    expect(Array.from(g.nnIndices)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(g.coordsRelative).every((v) => v === 0)).toBe(true);
    expect(Array.from(g.coordsOffsets.subarray(0, 2))).toEqual([xs[0], ys[0]]);
  });

  it('sequential sampling takes seeds 0…B−1 in order', () => {
    const g = groupScan(xs, ys, { gridsize: 2, seed: 3, sampling: 'sequential', nGroups: 50 });
    expect(Array.from({ length: 50 }, (_, b) => g.nnIndices[4 * b])).toEqual(Array.from({ length: 50 }, (_, b) => b));
  });

  it('random sampling with nGroups = M visits every position once as a seed', () => {
    const g = groupScan(xs, ys, { gridsize: 2, seed: 5 });
    expect(g.B).toBe(529);
    const seeds = Array.from({ length: g.B }, (_, b) => g.nnIndices[4 * b]!);
    expect([...seeds].sort((a, b) => a - b)).toEqual(Array.from({ length: 529 }, (_, i) => i));
    expect(seeds).not.toEqual(Array.from({ length: 529 }, (_, i) => i)); // shuffled, not sequential
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = groupScan(xs, ys, { gridsize: 2, seed: 42, nGroups: 100 });
    const b = groupScan(xs, ys, { gridsize: 2, seed: 42, nGroups: 100 });
    const c = groupScan(xs, ys, { gridsize: 2, seed: 43, nGroups: 100 });
    expect(b).toEqual(a);
    expect(c.nnIndices).not.toEqual(a.nnIndices);
    // sequential seeds are fixed, but the neighbour choice still follows the seed
    const s1 = groupScan(xs, ys, { gridsize: 2, seed: 1, sampling: 'sequential', nGroups: 100 });
    const s2 = groupScan(xs, ys, { gridsize: 2, seed: 2, sampling: 'sequential', nGroups: 100 });
    expect(s2.nnIndices).not.toEqual(s1.nnIndices);
  });

  it('chooses neighbours uniformly from the K nearest', () => {
    // One seed, K = 6, C − 1 = 3: each of the 6 pool members is picked with probability 1/2.
    // Over 4000 groups the count per member has SD sqrt(4000·¼) ≈ 32; ±160 is 5 SD.
    const M = 7, pxs = new Float64Array(M), pys = new Float64Array(M);
    for (let i = 1; i < M; i++) { pxs[i] = Math.cos(i); pys[i] = Math.sin(i) * (1 + i / 10); }
    const counts = new Array<number>(M).fill(0);
    for (let s = 0; s < 4000; s++) {
      const g = groupScan(pxs, pys, { gridsize: 2, K: 6, seed: s, sampling: 'sequential', nGroups: 1 });
      for (let c = 1; c < 4; c++) counts[g.nnIndices[c]!]!++;
    }
    expect(counts[0]).toBe(0);
    for (let i = 1; i < M; i++) expect(Math.abs(counts[i]! - 2000)).toBeLessThan(160);
  });

  it('caps nGroups at M and uses every other position when K ≥ M', () => {
    const tiny = { xs: [0, 1, 0, 1, 5], ys: [0, 0, 1, 1, 5] };
    const g = groupScan(tiny.xs, tiny.ys, { gridsize: 2, K: 10, seed: 1, nGroups: 99 });
    expect(g.B).toBe(5);
    for (let b = 0; b < 5; b++) expect(new Set(g.nnIndices.subarray(4 * b, 4 * b + 4)).size).toBe(4);
  });

  it('raises on K < C−1, bad gridsize, too few positions and bad options', () => {
    expect(() => groupScan(xs, ys, { gridsize: 3, K: 6, seed: 0 })).toThrow(/K nearest neighbours must cover the C−1 = 8/);
    expect(() => groupScan(xs, ys, { gridsize: 0, seed: 0 })).toThrow(/gridsize must be an integer ≥ 1/);
    expect(() => groupScan(xs, ys, { gridsize: 1.5, seed: 0 })).toThrow(/gridsize/);
    expect(() => groupScan([0, 1, 2], [0, 1, 2], { gridsize: 2, seed: 0 })).toThrow(/needs 4 positions per group but the scan has 3/);
    expect(() => groupScan(xs, ys, { gridsize: 2, seed: 0, nGroups: 0 })).toThrow(/nGroups/);
    expect(() => groupScan(xs, ys, { gridsize: 2, seed: Number.NaN })).toThrow(/seed/);
    expect(() => groupScan(xs, ys, { gridsize: 2, seed: 0, sampling: 'grid' as never })).toThrow(/sampling/);
    expect(() => groupScan([0, Number.POSITIVE_INFINITY], [0, 0], { gridsize: 1, seed: 0 })).toThrow(/not finite/);
  });
});
