import { describe, expect, it } from 'vitest';
import { createRng, isInputError, type ComplexArray } from '@ptychojs/io';
import { randomComplex, randomPositions, thrown } from '../test/helpers.js';
import { stitchPatches } from './__fixtures__/stitch-patches.js';

/** B patches of side N whose central M×M is f(x, y) at the SPEC §3 sample points; the rest is garbage. */
function patchesFrom(
  f: (x: number, y: number) => [number, number],
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  N: number,
  M: number,
  seed: number,
): ComplexArray {
  const B = xs.length, out = randomComplex(seed, [B, N, N]);
  for (let i = 0; i < out.re.length; i++) {
    out.re[i] = out.re[i]! * 1e3; // garbage outside the centre, large so any leak shows
    out.im[i] = out.im[i]! * 1e3;
  }
  const s = (N - M) / 2;
  for (let k = 0; k < B; k++) {
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        const p = k * N * N + (s + i) * N + s + j;
        [out.re[p], out.im[p]] = f(xs[k]! - M / 2 + j, ys[k]! - M / 2 + i);
      }
    }
  }
  return out;
}

describe('stitchPatches', () => {
  it('stitches a constant object to the same constant everywhere covered (sub-pixel positions)', () => {
    const N = 64, M = 20, z: [number, number] = [0.7, -0.3];
    const { xs, ys } = randomPositions(11, 60, 0, 80, 0.2);
    const patches = patchesFrom(() => z, xs, ys, N, M, 12);
    for (const accumulator of ['float64', 'float32'] as const) {
      const { object, weights } = stitchPatches(patches, xs, ys, { accumulator });
      // float64 sums: ratio exact to ~1e-15, then one float32 rounding (≤ 6e-8·|z|) → 1e-7.
      // float32 sums: each of ≤ ~40 overlapping additions rounds at 6e-8 relative → 1e-5.
      const tol = accumulator === 'float64' ? 1e-7 : 1e-5;
      let covered = 0, uncovered = 0, worst = 0, outside = 0;
      for (let p = 0; p < weights.length; p++) {
        if (weights[p]! > 0) {
          covered++;
          worst = Math.max(worst, Math.abs(object.re[p]! - z[0]), Math.abs(object.im[p]! - z[1]));
        } else {
          uncovered++;
          outside = Math.max(outside, Math.abs(object.re[p]!), Math.abs(object.im[p]!));
        }
      }
      expect(worst, accumulator).toBeLessThanOrEqual(tol);
      expect(outside).toBe(0);
      expect(covered).toBeGreaterThan(M * M);
      expect(uncovered).toBeGreaterThan(0); // random positions leave canvas corners empty
    }
  });

  it('places pixels exactly at integer positions', () => {
    const N = 16, M = 6, patch = randomComplex(3, [1, N, N]);
    const { object, weights, canvasOrigin } = stitchPatches(patch, [40], [-9]);
    expect(canvasOrigin).toEqual([40 - M / 2, -9 - M / 2]);
    expect(object.shape).toEqual([M, M]);
    expect(Array.from(weights)).toEqual(new Array(M * M).fill(1));
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        expect(object.re[i * M + j]).toBe(patch.re[(5 + i) * N + 5 + j]);
        expect(object.im[i * M + j]).toBe(patch.im[(5 + i) * N + 5 + j]);
      }
    }
  });

  it('reproduces an object from patches cut at integer positions, in the frame given by canvasOrigin', () => {
    // Non-square object so a swapped x/y shows; patches cut by SPEC §3: patch(i, j) = O(y − N/2 + i, x − N/2 + j).
    const N = 16, M = 6, OH = 50, OW = 70, B = 40;
    const obj = randomComplex(21, [OH, OW]);
    const rng = createRng(22);
    const xs = Array.from({ length: B }, () => N / 2 + rng.int(OW - N));
    const ys = Array.from({ length: B }, () => N / 2 + rng.int(OH - N));
    const patches = randomComplex(23, [B, N, N, 1]);
    for (let k = 0; k < B; k++) {
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          const o = (ys[k]! - N / 2 + i) * OW + (xs[k]! - N / 2 + j);
          patches.re[k * N * N + i * N + j] = obj.re[o]!;
          patches.im[k * N * N + i * N + j] = obj.im[o]!;
        }
      }
    }
    const { object, weights, canvasOrigin } = stitchPatches(patches, xs, ys);
    const [x0, y0] = canvasOrigin;
    const [H, W] = object.shape as [number, number];
    // Independent coverage count: canvas pixel (r, c) is object point (c + x0, r + y0), inside
    // the central crop of patch k when |x − x_k + 1/2| ≤ M/2 and likewise for y.
    let covered = 0;
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        const x = c + x0, y = r + y0;
        let n = 0;
        for (let k = 0; k < B; k++) n += x >= xs[k]! - M / 2 && x < xs[k]! + M / 2 && y >= ys[k]! - M / 2 && y < ys[k]! + M / 2 ? 1 : 0;
        const p = r * W + c;
        expect(weights[p], `weight at (${r}, ${c})`).toBe(n);
        if (n > 0) {
          covered++;
          // Averages of n identical float32 values in float64 are exact.
          expect(object.re[p]).toBe(obj.re[y * OW + x]);
          expect(object.im[p]).toBe(obj.im[y * OW + x]);
        } else {
          expect([object.re[p], object.im[p]]).toEqual([0, 0]);
        }
      }
    }
    expect(covered).toBeGreaterThan(B * 10);
  });

  it('reproduces a linear object at sub-pixel positions wherever every contributing patch fully surrounds the pixel', () => {
    // Bilinear placement of samples of a linear function: a pixel that lies inside the 2×2
    // support of every contributing crop pixel receives the weighted mean of points whose centroid
    // is the pixel itself, so the result equals O at the pixel. A half-pixel or x/y frame error
    // would shift it by 0.5·slope ≥ 5e-3.
    const N = 16, M = 6, B = 50;
    const O = (x: number, y: number): [number, number] => [1 + 0.02 * x - 0.013 * y, -0.5 + 0.011 * x + 0.017 * y];
    const { xs, ys } = randomPositions(31, B, -20, 30);
    const { object, weights, canvasOrigin } = stitchPatches(patchesFrom(O, xs, ys, N, M, 32), xs, ys);
    const [x0, y0] = canvasOrigin;
    const [H, W] = object.shape as [number, number];
    let checked = 0;
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        let touched = 0, inner = 0;
        for (let k = 0; k < B; k++) {
          const ry = ys[k]! - M / 2 - y0, rx = xs[k]! - M / 2 - x0; // crop's first pixel on the canvas
          const inRows = r > ry - 1 && r < ry + M, inCols = c > rx - 1 && c < rx + M;
          if (inRows && inCols) {
            touched++;
            if (r > ry && r < ry + M - 1 && c > rx && c < rx + M - 1) inner++;
          }
        }
        const p = r * W + c;
        expect(weights[p]! > 0).toBe(touched > 0);
        if (touched > 0 && inner === touched) {
          checked++;
          const [er, ei] = O(c + x0, r + y0);
          // Values ~1, float32 patches and output: 1e-6.
          expect(Math.abs(object.re[p]! - er), `(${r}, ${c})`).toBeLessThan(1e-6);
          expect(Math.abs(object.im[p]! - ei), `(${r}, ${c})`).toBeLessThan(1e-6);
        }
      }
    }
    expect(checked).toBeGreaterThan(B * 5);
  });

  it('rejects patches that do not match the positions', () => {
    const p = randomComplex(1, [3, 16, 16]);
    expect(isInputError(thrown(() => stitchPatches(p, [0, 1], [0, 1])))).toBe(true);
    expect(isInputError(thrown(() => stitchPatches({ ...p, shape: [3, 16, 8] }, [0, 1, 2], [0, 1, 2])))).toBe(true);
    expect(isInputError(thrown(() => stitchPatches({ ...p, shape: [3, 16, 16, 2] }, [0, 1, 2], [0, 1, 2])))).toBe(true);
  });
});
