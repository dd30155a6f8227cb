import { describe, expect, it } from 'vitest';
import { fft2 } from './fft2.js';
import { ifft2 } from './ifft2.js';
import { maxRelErr, naiveDft2, randomPlanes } from './__fixtures__/helpers.js';

// Float64 radix-2 FFT: round-off grows like ε·log2(N) ≈ 1e-15, so 1e-12 relative leaves a wide
// margin while any wrong twiddle, sign or permutation gives errors of order 1.
const TOL = 1e-12;

describe('fft2', () => {
  it.each([[1, 1], [2, 2], [4, 8], [8, 4], [16, 16], [32, 8]])('equals a naive DFT on %i×%i', (rows, cols) => {
    const x = randomPlanes(rows * cols, rows * 100 + cols);
    const want = naiveDft2(x.re, x.im, rows, cols);
    fft2(x.re, x.im, rows, cols);
    expect(maxRelErr(x.re, want.re)).toBeLessThan(TOL);
    expect(maxRelErr(x.im, want.im)).toBeLessThan(TOL);
  });

  it('conserves energy (Parseval: Σ|X|² = N²·Σ|x|²) at N = 64, 128, 256', () => {
    for (const n of [64, 128, 256]) {
      const x = randomPlanes(n * n, n);
      let e0 = 0; for (let i = 0; i < n * n; i++) e0 += x.re[i]! ** 2 + x.im[i]! ** 2;
      fft2(x.re, x.im, n);
      let e1 = 0; for (let i = 0; i < n * n; i++) e1 += x.re[i]! ** 2 + x.im[i]! ** 2;
      expect(Math.abs(e1 / (n * n) - e0) / e0).toBeLessThan(TOL);
    }
  });

  it('is undone by ifft2 (ifft2∘fft2 = identity, and fft2∘ifft2 too)', () => {
    const x = randomPlanes(64 * 64, 7);
    const re = x.re.slice(), im = x.im.slice();
    fft2(re, im, 64); ifft2(re, im, 64);
    expect(maxRelErr(re, x.re)).toBeLessThan(TOL);
    expect(maxRelErr(im, x.im)).toBeLessThan(TOL);
    ifft2(re, im, 64); fft2(re, im, 64);
    expect(maxRelErr(re, x.re)).toBeLessThan(TOL);
    expect(maxRelErr(im, x.im)).toBeLessThan(TOL);
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

  it('multiplies the spectrum by a phase ramp when the image is circularly shifted', () => {
    const n = 32, dr = 5, dc = -7;
    const x = randomPlanes(n * n, 11);
    const sr = new Float64Array(n * n), si = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
      const d = (((r + dr) % n + n) % n) * n + (((c + dc) % n + n) % n);
      sr[d] = x.re[r * n + c]!; si[d] = x.im[r * n + c]!;
    }
    fft2(x.re, x.im, n); fft2(sr, si, n);
    const wr = new Float64Array(n * n), wi = new Float64Array(n * n);
    for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) {
      const k = u * n + v, t = (-2 * Math.PI * (u * dr + v * dc)) / n;
      wr[k] = x.re[k]! * Math.cos(t) - x.im[k]! * Math.sin(t);
      wi[k] = x.re[k]! * Math.sin(t) + x.im[k]! * Math.cos(t);
    }
    expect(maxRelErr(sr, wr)).toBeLessThan(TOL);
    expect(maxRelErr(si, wi)).toBeLessThan(TOL);
  });

  it('transforms each image of a stack independently', () => {
    const n = 8, a = randomPlanes(n * n, 1), b = randomPlanes(n * n, 2);
    const re = new Float64Array([...a.re, ...b.re]), im = new Float64Array([...a.im, ...b.im]);
    fft2(re, im, n); fft2(a.re, a.im, n); fft2(b.re, b.im, n);
    expect(Array.from(re)).toEqual([...a.re, ...b.re]);
    expect(Array.from(im)).toEqual([...a.im, ...b.im]);
  });

  it('refuses sizes that are not powers of two and planes that are not whole images', () => {
    expect(() => fft2(new Float64Array(36), new Float64Array(36), 6)).toThrow(/power of two/);
    expect(() => fft2(new Float64Array(20), new Float64Array(20), 4)).toThrow(/stack of 4×4/);
  });
});
