import { createRng, type ComplexArray } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { assembleGroupedData } from './assemble-grouped-data.js';
import { groupScan } from './group-scan.js';
import { takeGroups } from './take-groups.js';
import type { GroupedData } from './types.js';

const N = 8, M = 120;
const rng = createRng(31);
const xs = Float64Array.from({ length: M }, () => 10 + rng.next() * 40), ys = Float64Array.from({ length: M }, () => 10 + rng.next() * 40);
// pattern k is filled with k + 1, so every X entry names the scan position it came from
const diff3d = Float32Array.from({ length: M * N * N }, (_, t) => Math.floor(t / (N * N)) + 1);
const object: ComplexArray = { shape: [60, 60], re: Float32Array.from({ length: 3600 }, () => rng.next()), im: Float32Array.from({ length: 3600 }, () => rng.next()) };
const data = assembleGroupedData(groupScan(xs, ys, { gridsize: 2, seed: 4 }), { diff3d, N, objectGuess: object });

/** Every per-group array of group b of `part` equals group `src` of the full data. */
function expectSameGroup(part: GroupedData, b: number, src: number): void {
  const C = 4, S = N * N * C;
  expect(part.nnIndices.subarray(b * C, (b + 1) * C)).toEqual(data.nnIndices.subarray(src * C, (src + 1) * C));
  expect(part.coordsNn.subarray(b * 2 * C, (b + 1) * 2 * C)).toEqual(data.coordsNn.subarray(src * 2 * C, (src + 1) * 2 * C));
  expect(part.coordsRelative.subarray(b * 2 * C, (b + 1) * 2 * C)).toEqual(data.coordsRelative.subarray(src * 2 * C, (src + 1) * 2 * C));
  expect(part.coordsOffsets.subarray(2 * b, 2 * b + 2)).toEqual(data.coordsOffsets.subarray(2 * src, 2 * src + 2));
  expect(part.X.subarray(b * S, (b + 1) * S)).toEqual(data.X.subarray(src * S, (src + 1) * S));
  expect(part.Y!.re.subarray(b * S, (b + 1) * S)).toEqual(data.Y!.re.subarray(src * S, (src + 1) * S));
  expect(part.Y!.im.subarray(b * S, (b + 1) * S)).toEqual(data.Y!.im.subarray(src * S, (src + 1) * S));
  // and X still belongs to the member named by nnIndices: X[b, 0, 0, c] = α·(index + 1)
  for (let c = 0; c < C; c++) expect(part.X[b * S + c]).toBe(Math.fround(data.alpha * (part.nnIndices[b * C + c]! + 1)));
}

describe('takeGroups', () => {
  it('takes every per-group array with the same indices, in the given order', () => {
    const idx = [7, 3, 3, 119];
    const t = takeGroups(data, idx);
    expect([t.B, t.C, t.N, t.alpha, t.Y!.shape]).toEqual([4, 4, N, data.alpha, [4, N, N, 4]]);
    idx.forEach((src, b) => expectSameGroup(t, b, src));
  });

  it('works on bare groups and rejects out-of-range indices', () => {
    const g = groupScan(xs, ys, { gridsize: 1, seed: 0 });
    expect(Array.from(takeGroups(g, [2, 0]).nnIndices)).toEqual([g.nnIndices[2], g.nnIndices[0]]);
    expect(() => takeGroups(g, [M])).toThrow(/out of range/);
    expect(() => takeGroups(g, [0.5])).toThrow(/out of range/);
  });
});
