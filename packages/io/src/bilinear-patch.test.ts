import { describe, expect, it } from 'vitest';
import { bilinearPatch } from './bilinear-patch.js';
import { createRng } from './random.js';

function randomPlane(H: number, W: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: H * W }, () => rng.next() * 2 - 1);
}

/** Per-pixel reference: bilinear interpolation at (r, c) with zero outside, floor taken per sample. */
function sampleAt(plane: Float32Array, H: number, W: number, r: number, c: number): number {
  const r0 = Math.floor(r), c0 = Math.floor(c), fr = r - r0, fc = c - c0;
  const at = (i: number, j: number): number => (i >= 0 && i < H && j >= 0 && j < W ? plane[i * W + j]! : 0);
  return (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) + fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1));
}

describe('bilinearPatch', () => {
  it('cuts rows 48…111, cols 68…131 for N=64 at (x, y) = (100, 80) (SPEC §3 example)', () => {
    const H = 200, W = 220, plane = randomPlane(H, W, 1), out = new Float32Array(64 * 64);
    bilinearPatch(plane, H, W, 100, 80, 64, out);
    for (let i = 0; i < 64; i++) expect(out.subarray(i * 64, i * 64 + 64)).toEqual(plane.subarray((48 + i) * W + 68, (48 + i) * W + 132));
  });

  it('reproduces a linear ramp exactly at sub-pixel positions (bilinear is exact on affine data)', () => {
    const H = 90, W = 120, plane = new Float32Array(H * W);
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) plane[r * W + c] = 0.25 * r - 0.125 * c + 3;
    const N = 32, out = new Float32Array(N * N), x = 57.3125, y = 41.6875;
    bilinearPatch(plane, H, W, x, y, N, out);
    // ramp values are < 40 and exactly representable steps; float32 store gives ≤ 4e-6 absolute error
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
      expect(out[i * N + j]).toBeCloseTo(0.25 * (y - N / 2 + i) - 0.125 * (x - N / 2 + j) + 3, 5);
    }
  });

  it('matches per-pixel bilinear sampling with zero fill, also across every border', () => {
    const H = 40, W = 50, plane = randomPlane(H, W, 2), N = 16, out = new Float32Array(N * N);
    const rng = createRng(3);
    for (let t = 0; t < 60; t++) {
      const x = rng.next() * 80 - 15, y = rng.next() * 70 - 15; // centres inside, on and beyond the borders
      bilinearPatch(plane, H, W, x, y, N, out);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
        // float64 arithmetic in both, one float32 rounding: |value| ≤ 1 so 1e-7 absolute suffices
        expect(Math.abs(out[i * N + j]! - sampleAt(plane, H, W, y - N / 2 + i, x - N / 2 + j))).toBeLessThan(1e-7);
      }
    }
  });

  it('fades to zero outside the object: half-pixel edges give 1/2, corners 1/4', () => {
    const plane = new Float32Array(100).fill(1), out = new Float32Array(16);
    bilinearPatch(plane, 10, 10, 1.5, 1.5, 4, out); // samples at rows/cols −0.5, 0.5, 1.5, 2.5
    expect(Array.from(out)).toEqual([0.25, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 0.5, 1, 1, 1, 0.5, 1, 1, 1]);
    bilinearPatch(plane, 10, 10, 8.5, 4, 4, out); // cols 6.5 … 9.5: the last one straddles the right edge
    expect(Array.from(out)).toEqual([1, 1, 1, 0.5, 1, 1, 1, 0.5, 1, 1, 1, 0.5, 1, 1, 1, 0.5]);
    bilinearPatch(plane, 10, 10, 40, -30, 4, out);
    expect(Array.from(out)).toEqual(new Array(16).fill(0));
  });

  it('writes with an offset and stride (channel c of a channel-last array) and touches nothing else', () => {
    const H = 30, W = 30, plane = randomPlane(H, W, 4), N = 8, C = 3;
    const out = new Float32Array(N * N * C).fill(9), ref = new Float32Array(N * N);
    bilinearPatch(plane, H, W, 14.25, 12.75, N, out, 1, C);
    bilinearPatch(plane, H, W, 14.25, 12.75, N, ref);
    for (let p = 0; p < N * N; p++) expect([out[p * C], out[p * C + 1], out[p * C + 2]]).toEqual([9, ref[p], 9]);
  });

  it('refuses a plane of the wrong size and a non-finite centre', () => {
    const out = new Float32Array(4);
    expect(() => bilinearPatch(new Float32Array(10), 3, 3, 1, 1, 2, out)).toThrow(/plane size/);
    expect(() => bilinearPatch(new Float32Array(9), 3, 3, Number.NaN, 1, 2, out)).toThrow(/not finite/);
  });
});
