import { fft2dInPlace } from './fft-radix2.js';

/**
 * Inverse 2-D discrete Fourier transform, in place, in float64, normalized by 1/(rows·cols) like
 * numpy's `ifft2`, so `ifft2(fft2(x)) = x`. Same layout and size rules as {@link fft2}.
 *
 * @shape re (..., rows, cols) float64, overwritten
 * @shape im (..., rows, cols) float64, overwritten
 */
export function ifft2(re: Float64Array, im: Float64Array, rows: number, cols: number = rows): void {
  fft2dInPlace(re, im, rows, cols, 1);
  const s = 1 / (rows * cols);
  for (let i = 0; i < re.length; i++) { re[i] = re[i]! * s; im[i] = im[i]! * s; }
}
