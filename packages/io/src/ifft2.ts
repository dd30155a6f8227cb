import { fft2InPlace } from './internal/fft2-in-place.js';

/**
 * Inverse 2-D discrete Fourier transform, in place, in float64, normalized by 1/(rows·cols) like
 * numpy's `ifft2`, so `ifft2(fft2(x)) = x`. Same layout and sizes as {@link fft2}.
 *
 * @shape re (..., rows, cols) float64, overwritten
 * @shape im (..., rows, cols) float64, overwritten
 * @throws RangeError when the planes are not a whole stack of rows×cols images
 */
export function ifft2(re: Float64Array, im: Float64Array, rows: number, cols: number = rows): void {
  fft2InPlace(re, im, rows, cols, true);
  const s = 1 / (rows * cols);
  for (let i = 0; i < re.length; i++) { re[i] = re[i]! * s; im[i] = im[i]! * s; }
}
