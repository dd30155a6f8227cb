import { createRng, type ComplexArray } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { assembleGroupedData } from './assemble-grouped-data.js';
import { assertSameChannels } from './assert-same-channels.js';
import { extractGroundTruthPatches } from './extract-ground-truth-patches.js';
import { groupScan } from './group-scan.js';
import { normalizationAlpha } from './normalization-alpha.js';

const N = 8, M = 40, rng = createRng(12);
const xs = Float64Array.from({ length: M }, () => 8 + rng.next() * 30), ys = Float64Array.from({ length: M }, () => 8 + rng.next() * 30);
const diff3d = Float32Array.from({ length: M * N * N }, () => rng.next() * 5);
const object: ComplexArray = { shape: [48, 48], re: Float32Array.from({ length: 48 * 48 }, () => rng.next()), im: Float32Array.from({ length: 48 * 48 }, () => rng.next()) };
const groups = groupScan(xs, ys, { gridsize: 2, seed: 3, nGroups: 15 });

describe('assembleGroupedData', () => {
  it('builds X = α·diffraction channel-last with α over all M patterns, and Y at the member positions', () => {
    const d = assembleGroupedData(groups, { diff3d, N, objectGuess: object });
    const alpha = normalizationAlpha(diff3d, N);
    expect(d.alpha).toBe(alpha);
    for (let b = 0; b < d.B; b++) for (let p = 0; p < N * N; p += 7) for (let c = 0; c < 4; c++) {
      expect(d.X[(b * N * N + p) * 4 + c]).toBe(Math.fround(alpha * diff3d[groups.nnIndices[b * 4 + c]! * N * N + p]!));
    }
    const mx = Float64Array.from({ length: 60 }, (_, m) => xs[groups.nnIndices[m]!]!), my = Float64Array.from({ length: 60 }, (_, m) => ys[groups.nnIndices[m]!]!);
    expect(d.Y).toEqual(extractGroundTruthPatches(object, mx, my, N, 4));
  });

  it('cuts Y at the true positions when given (e.g. xcoords_start), and honours a given α', () => {
    const tx = xs.map((v) => v + 1.5), ty = ys.map((v) => v - 0.25);
    const d = assembleGroupedData(groups, { diff3d, N, objectGuess: object, truePositions: { x: tx, y: ty }, alpha: 2 });
    expect(d.alpha).toBe(2);
    expect(d.X[0]).toBe(Math.fround(2 * diff3d[groups.nnIndices[0]! * N * N]!));
    const mx = Float64Array.from({ length: 60 }, (_, m) => tx[groups.nnIndices[m]!]!), my = Float64Array.from({ length: 60 }, (_, m) => ty[groups.nnIndices[m]!]!);
    expect(d.Y).toEqual(extractGroundTruthPatches(object, mx, my, N, 4));
  });

  it('raises when Y and X have different channel counts (SPEC §3 SHALL)', () => {
    const wrongC = { shape: [15, N, N, 1], re: new Float32Array(15 * N * N), im: new Float32Array(15 * N * N) };
    expect(() => assembleGroupedData(groups, { diff3d, N, Y: wrongC })).toThrow(/X has 4 channels but the ground-truth patches have 1/);
    expect(() => assertSameChannels([15, N, N, 4], [15, N, N, 9])).toThrow(/channels/);
    expect(() => assertSameChannels([15, N, N, 4], [14, N, N, 4])).toThrow(/differ in shape/);
    expect(() => assertSameChannels([15, N, N, 4], [15, N, N])).toThrow(/rank 4/);
    expect(() => assertSameChannels([15, N, N, 4], [15, N, N, 4])).not.toThrow();
    expect(() => assembleGroupedData(groups, { diff3d, N, Y: wrongC, objectGuess: object })).toThrow(/not both/);
  });
});
