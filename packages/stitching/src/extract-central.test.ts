import { describe, expect, it } from 'vitest';
import { extractCentral } from './extract-central.js';

// A complex ramp O(x, y) = a + b·x + c·y laid on a canvas with origin [x0, y0]: bilinear
// interpolation reproduces a linear function exactly, so extraction at any sub-pixel position
// inside the canvas must give the ramp at the SPEC §3 sample points.
const H = 30, W = 40, x0 = -7, y0 = 12;
const ramp = (x: number, y: number): [number, number] => [0.5 + 0.02 * x - 0.01 * y, -0.3 + 0.015 * y + 0.005 * x];
const canvas = (() => {
  const re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      [re[r * W + c], im[r * W + c]] = ramp(c + x0, r + y0);
    }
  }
  return { shape: [H, W], re, im };
})();

describe('extractCentral', () => {
  it('samples the object at (y − M/2 + i, x − M/2 + j) in the canvas frame, bilinearly', () => {
    const M = 6, x = 5.3, y = 25.85;
    const out = extractCentral(canvas, [x0, y0], x, y, M);
    expect(out.shape).toEqual([M, M]);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        const [er, ei] = ramp(x - M / 2 + j, y - M / 2 + i);
        // Float32 canvas values (~1) and float32 output: 1e-6 absolute.
        expect(Math.abs(out.re[i * M + j]! - er)).toBeLessThan(1e-6);
        expect(Math.abs(out.im[i * M + j]! - ei)).toBeLessThan(1e-6);
      }
    }
  });

  it('copies pixels exactly at integer positions (SPEC §3 example frame: N=64, (100, 80))', () => {
    // Object frame with origin [0, 0]; the central 20×20 of the patch at (100, 80) is rows 70..89, cols 90..109.
    const big = { shape: [120, 140], re: new Float32Array(120 * 140).map((_, i) => i), im: new Float32Array(120 * 140).map((_, i) => -i) };
    const out = extractCentral(big, [0, 0], 100, 80, 20);
    expect(out.re[0]).toBe(70 * 140 + 90);
    expect(out.re[19 * 20 + 19]).toBe(89 * 140 + 109);
    expect(out.im[5 * 20 + 3]).toBe(-(75 * 140 + 93));
  });

  it('reads zero outside the canvas', () => {
    const M = 4;
    const far = extractCentral(canvas, [x0, y0], x0 - 10, y0 - 10, M);
    expect(Array.from(far.re)).toEqual(new Array(M * M).fill(0));
    // Straddling the left edge by half a pixel: column 0 of the crop sits at canvas column −0.5,
    // so it gets half of canvas column 0; column 1 is inside.
    const edge = extractCentral(canvas, [x0, y0], x0 + M / 2 - 0.5, y0 + 10, M);
    const [c0] = ramp(x0, y0 + 10 - M / 2);
    expect(Math.abs(edge.re[0]! - 0.5 * c0)).toBeLessThan(1e-6);
    const [c1] = ramp(x0 + 0.5, y0 + 10 - M / 2);
    expect(Math.abs(edge.re[1]! - c1)).toBeLessThan(1e-6);
  });
});
