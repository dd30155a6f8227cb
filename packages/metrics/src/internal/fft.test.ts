import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { dft, dft2d } from './fft.js';

/** O(n²) DFT with angles reduced mod n: the brute-force reference. */
function naive(re: Float64Array, im: Float64Array, inverse = false): [Float64Array, Float64Array] {
  const n = re.length, or = new Float64Array(n), oi = new Float64Array(n), s = inverse ? 1 : -1;
  for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) {
    const a = (s * 2 * Math.PI * ((j * k) % n)) / n, c = Math.cos(a), d = Math.sin(a);
    or[j] = or[j]! + re[k]! * c - im[k]! * d;
    oi[j] = oi[j]! + re[k]! * d + im[k]! * c;
  }
  return [or, oi];
}

const random = (n: number, seed: number): Float64Array => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
};

describe('dft (radix-2 + Bluestein)', () => {
  it.each([1, 2, 3, 5, 7, 8, 12, 16, 31, 64, 90, 100, 127])('equals the brute-force DFT at n = %i, both directions', (n) => {
    for (const inverse of [false, true]) {
      const re = random(n, n), im = random(n, n + 1000);
      const [er, ei] = naive(re, im, inverse);
      dft(re, im, inverse);
      // float64 with O(log n) (radix-2) or O(log m) (Bluestein) rounding steps: 1e-10·√n·max|X| is loose
      const scale = 1e-10 * Math.sqrt(n) * Math.max(1, ...er.map(Math.abs), ...ei.map(Math.abs));
      for (let j = 0; j < n; j++) {
        expect(Math.abs(re[j]! - er[j]!)).toBeLessThan(scale);
        expect(Math.abs(im[j]! - ei[j]!)).toBeLessThan(scale);
      }
    }
  });

  it('round-trips: inverse(forward(x)) = n·x', () => {
    const n = 45, re = random(n, 1), im = random(n, 2), r0 = re.slice(), i0 = im.slice();
    dft(re, im); dft(re, im, true);
    for (let j = 0; j < n; j++) { expect(re[j]! / n).toBeCloseTo(r0[j]!, 12); expect(im[j]! / n).toBeCloseTo(i0[j]!, 12); }
  });

  it('dft2d equals the brute-force 2-D DFT on a 6×10 plane', () => {
    const H = 6, W = 10, re = random(H * W, 3), im = random(H * W, 4);
    const er = new Float64Array(H * W), ei = new Float64Array(H * W);
    for (let u = 0; u < H; u++) for (let v = 0; v < W; v++) for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
      const a = -2 * Math.PI * (((u * r) % H) / H + ((v * c) % W) / W);
      er[u * W + v] = er[u * W + v]! + re[r * W + c]! * Math.cos(a) - im[r * W + c]! * Math.sin(a);
      ei[u * W + v] = ei[u * W + v]! + re[r * W + c]! * Math.sin(a) + im[r * W + c]! * Math.cos(a);
    }
    dft2d(re, im, H, W);
    for (let i = 0; i < H * W; i++) { expect(re[i]).toBeCloseTo(er[i]!, 10); expect(im[i]).toBeCloseTo(ei[i]!, 10); }
  });
});
