import { describe, expect, it } from 'vitest';
import type { ComplexArray } from '@ptychojs/io';
import { objectPatch } from './object-patch.js';
import { objectPatches } from './object-patches.js';

/** An object whose value encodes its pixel: O(r, c) = r + i·c (bilinear interpolation is exact). */
function ramp(H: number, W: number): ComplexArray {
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { re[r * W + c] = r; im[r * W + c] = c; }
  return { shape: [H, W], re, im };
}

describe('objectPatch', () => {
  it('reads rows 48..111 and columns 68..131 for N = 64 at (x, y) = (100, 80) (SPEC §3 example)', () => {
    const p = objectPatch(ramp(200, 200), 100, 80, 64);
    expect(p.shape).toEqual([64, 64]);
    expect(p.re[0]).toBe(48); expect(p.im[0]).toBe(68);
    expect(p.re[64 * 64 - 1]).toBe(111); expect(p.im[64 * 64 - 1]).toBe(131);
  });

  it('interpolates bilinearly at sub-pixel positions (a linear ramp is reproduced exactly)', () => {
    // Float32 output of values ≤ 200: rounding ≤ 200·6e-8 ≈ 1.2e-5, so 4 decimals are safe.
    const p = objectPatch(ramp(100, 100), 40.25, 30.75, 16);
    for (const [i, j] of [[0, 0], [3, 7], [15, 15]] as const) {
      expect(p.re[i * 16 + j]).toBeCloseTo(30.75 - 8 + i, 4);
      expect(p.im[i * 16 + j]).toBeCloseTo(40.25 - 8 + j, 4);
    }
  });

  it('weights the four neighbours by (1−fr)(1−fc), (1−fr)fc, fr(1−fc), fr·fc', () => {
    const re = new Float32Array([1, 2, 3, 4]), im = new Float32Array(4);
    // 2×2 object, N = 2 patch centred at (x, y) = (1.3, 1.6): patch(0,0) = O(0.6, 0.3).
    const p = objectPatch({ shape: [2, 2], re, im }, 1.3, 1.6, 2);
    const want = 0.4 * 0.7 * 1 + 0.4 * 0.3 * 2 + 0.6 * 0.7 * 3 + 0.6 * 0.3 * 4;
    expect(p.re[0]).toBeCloseTo(want, 6);
    // patch(1,1) = O(1.6, 1.3): only pixel (1,1) = 4 is inside, with weight 0.4·0.7.
    expect(p.re[3]).toBeCloseTo(0.4 * 0.7 * 4, 6);
  });

  it('is zero outside the object', () => {
    const ones = { shape: [10, 10], re: new Float32Array(100).fill(1), im: new Float32Array(100).fill(1) };
    const p = objectPatch(ones, 0, 0, 8); // rows and columns −4..3
    expect(p.re[0]).toBe(0);
    expect(p.re[4 * 8 + 4]).toBe(1);
    expect(p.re[3 * 8 + 4]).toBe(0);
    expect(Array.from(objectPatch(ones, 100, 100, 4).re)).toEqual(new Array(16).fill(0));
  });

  it('objectPatches stacks objectPatch over positions', () => {
    const o = ramp(50, 60), xs = [20, 31.5], ys = [25.25, 30];
    const s = objectPatches(o, xs, ys, 8);
    expect(s.shape).toEqual([2, 8, 8]);
    expect(s.re.subarray(64)).toEqual(objectPatch(o, 31.5, 30, 8).re);
    expect(s.im.subarray(0, 64)).toEqual(objectPatch(o, 20, 25.25, 8).im);
  });

  it('refuses an object that is not 2-D and mismatched coordinate lists', () => {
    expect(() => objectPatch({ shape: [4], re: new Float32Array(4), im: new Float32Array(4) }, 0, 0, 2)).toThrow(/2-D complex image/);
    expect(() => objectPatches(ramp(4, 4), [1, 2], [1], 2)).toThrow(/2 x coordinates but 1/);
  });
});
