import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { fft2 } from './fft2.js';
import { ifft2 } from './ifft2.js';

const randomPlanes = (n: number, seed: number) => {
  const rng = createRng(seed);
  return { re: Float64Array.from({ length: n }, () => rng.normal()), im: Float64Array.from({ length: n }, () => rng.normal()) };
};

/** O((rows·cols)²) DFT with angles reduced mod the size (exact twiddles): the brute-force reference. */
function naiveDft2(re: Float64Array, im: Float64Array, rows: number, cols: number, sign = -1) {
  const outRe = new Float64Array(rows * cols), outIm = new Float64Array(rows * cols);
  for (let u = 0; u < rows; u++) for (let v = 0; v < cols; v++) {
    let sr = 0, si = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const t = sign * 2 * Math.PI * (((u * r) % rows) / rows + ((v * c) % cols) / cols);
      const x = re[r * cols + c]!, y = im[r * cols + c]!;
      sr += x * Math.cos(t) - y * Math.sin(t);
      si += x * Math.sin(t) + y * Math.cos(t);
    }
    outRe[u * cols + v] = sr; outIm[u * cols + v] = si;
  }
  return { re: outRe, im: outIm };
}

/** max |a − b| / max |b|. */
function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, m = 0;
  for (let i = 0; i < b.length; i++) { d = Math.max(d, Math.abs(a[i]! - b[i]!)); m = Math.max(m, Math.abs(b[i]!)); }
  return d / m;
}

// Float64 throughout: radix-4 round-off grows like ε·log2(n) ≈ 1e-15, Bluestein's (two size-m
// transforms and a product) a few times that, so 1e-12 relative leaves a wide margin while any
// wrong twiddle, sign, chirp or permutation gives errors of order 1.
const TOL = 1e-12;

describe('fft2 (fft.js radix-4 for powers of two, Bluestein otherwise)', () => {
  it.each([[1, 1], [2, 2], [4, 8], [8, 4], [16, 16], [32, 8], [1, 7], [3, 5], [6, 10], [12, 9], [1, 127], [90, 1], [31, 16]])(
    'equals the brute-force DFT on %i×%i, forward and inverse', (rows, cols) => {
      for (const inverse of [false, true]) {
        const x = randomPlanes(rows * cols, rows * 100 + cols);
        const want = naiveDft2(x.re, x.im, rows, cols, inverse ? 1 : -1);
        if (inverse) {
          ifft2(x.re, x.im, rows, cols);
          for (let i = 0; i < x.re.length; i++) { x.re[i] = x.re[i]! * rows * cols; x.im[i] = x.im[i]! * rows * cols; }
        } else {
          fft2(x.re, x.im, rows, cols);
        }
        expect(maxRelErr(x.re, want.re)).toBeLessThan(TOL);
        expect(maxRelErr(x.im, want.im)).toBeLessThan(TOL);
      }
    });

  it('conserves energy (Parseval: Σ|X|² = rows·cols·Σ|x|²) at 64², 128², 256² and 100×45', () => {
    for (const [rows, cols] of [[64, 64], [128, 128], [256, 256], [100, 45]] as const) {
      const x = randomPlanes(rows * cols, rows);
      let e0 = 0; for (let i = 0; i < rows * cols; i++) e0 += x.re[i]! ** 2 + x.im[i]! ** 2;
      fft2(x.re, x.im, rows, cols);
      let e1 = 0; for (let i = 0; i < rows * cols; i++) e1 += x.re[i]! ** 2 + x.im[i]! ** 2;
      expect(Math.abs(e1 / (rows * cols) - e0) / e0).toBeLessThan(TOL);
    }
  });

  it('is undone by ifft2 (ifft2∘fft2 = identity, and fft2∘ifft2 too), at 64² and 45×50', () => {
    for (const [rows, cols] of [[64, 64], [45, 50]] as const) {
      const x = randomPlanes(rows * cols, 7);
      const re = x.re.slice(), im = x.im.slice();
      fft2(re, im, rows, cols); ifft2(re, im, rows, cols);
      expect(maxRelErr(re, x.re)).toBeLessThan(TOL);
      expect(maxRelErr(im, x.im)).toBeLessThan(TOL);
      ifft2(re, im, rows, cols); fft2(re, im, rows, cols);
      expect(maxRelErr(re, x.re)).toBeLessThan(TOL);
      expect(maxRelErr(im, x.im)).toBeLessThan(TOL);
    }
  });

  it('turns a delta at (r0, c0) into the phase ramp e^{−2πi(u·r0 + v·c0)/N} (shift theorem)', () => {
    const n = 16, r0 = 3, c0 = 5;
    const re = new Float64Array(n * n), im = new Float64Array(n * n);
    re[r0 * n + c0] = 1;
    fft2(re, im, n);
    for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) {
      const t = (-2 * Math.PI * (u * r0 + v * c0)) / n;
      expect(re[u * n + v]).toBeCloseTo(Math.cos(t), 12);
      expect(im[u * n + v]).toBeCloseTo(Math.sin(t), 12);
    }
  });

  it('transforms each image of a stack independently', () => {
    for (const [rows, cols] of [[8, 8], [5, 6]] as const) {
      const a = randomPlanes(rows * cols, 1), b = randomPlanes(rows * cols, 2);
      const re = new Float64Array([...a.re, ...b.re]), im = new Float64Array([...a.im, ...b.im]);
      fft2(re, im, rows, cols); fft2(a.re, a.im, rows, cols); fft2(b.re, b.im, rows, cols);
      expect(Array.from(re)).toEqual([...a.re, ...b.re]);
      expect(Array.from(im)).toEqual([...a.im, ...b.im]);
    }
  });

  it('refuses planes that are not whole images and sizes that are not positive integers', () => {
    expect(() => fft2(new Float64Array(20), new Float64Array(20), 4)).toThrow(/stack of 4×4/);
    expect(() => fft2(new Float64Array(16), new Float64Array(12), 4)).toThrow(/16\/12/);
    expect(() => fft2(new Float64Array(4), new Float64Array(4), 0, 4)).toThrow(/positive integers/);
    expect(() => ifft2(new Float64Array(6), new Float64Array(6), 2.5, 2)).toThrow(/positive integers/);
  });
});
