import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { fft2 } from './fft2.js';
import { fftRows } from './fft-rows.js';

describe('fftRows', () => {
  // Same float64 transform as fft2 (tested there against brute force): each row of fftRows must
  // equal fft2 of that row as a 1×n image, to 1e-12 relative (round-off is ~1e-15).
  it.each([[3, 64], [4, 12], [2, 1], [5, 7]])('transforms each of %i rows of length %i like fft2 on a 1×n image', (rows, n) => {
    const rng = createRng(rows * 10 + n);
    const input = Float64Array.from({ length: 2 * rows * n }, () => rng.normal());
    const before = input.slice();
    const out = new Float64Array(2 * rows * n);
    fftRows(out, input, rows, n);
    expect(Array.from(input)).toEqual(Array.from(before));
    for (let r = 0; r < rows; r++) {
      const re = new Float64Array(n), im = new Float64Array(n);
      for (let j = 0; j < n; j++) { re[j] = input[2 * (r * n + j)]!; im[j] = input[2 * (r * n + j) + 1]!; }
      fft2(re, im, 1, n);
      const scale = Math.max(...re.map(Math.abs), ...im.map(Math.abs));
      for (let j = 0; j < n; j++) {
        expect(Math.abs(out[2 * (r * n + j)]! - re[j]!)).toBeLessThan(1e-12 * scale);
        expect(Math.abs(out[2 * (r * n + j) + 1]! - im[j]!)).toBeLessThan(1e-12 * scale);
      }
    }
  });

  it('refuses short or overlapping buffers', () => {
    const a = new Float64Array(32);
    expect(() => fftRows(new Float64Array(16), a, 2, 8)).toThrow(/shorter/);
    expect(() => fftRows(a, a, 2, 8)).toThrow(/overlap/);
    expect(() => fftRows(a.subarray(8), a.subarray(0, 24), 1, 8)).toThrow(/overlap/);
  });
});
