import { fft2dInPlace } from './fft-radix2.js';

/**
 * Forward 2-D discrete Fourier transform, in place, in float64:
 * `X[u,v] = Σ_{r,c} x[r,c]·e^{−2πi (ur/rows + vc/cols)}` (numpy's `fft2`, unnormalized), the
 * transform of the SPEC §3 forward model. Radix-2 iterative; `rows` and `cols` must be powers of
 * two. A stack of images (length a multiple of rows·cols) is transformed image by image.
 *
 * @shape re (..., rows, cols) float64, real plane, overwritten with the transform
 * @shape im (..., rows, cols) float64, imaginary plane, overwritten with the transform
 * @param cols defaults to `rows` (square images)
 */
export function fft2(re: Float64Array, im: Float64Array, rows: number, cols: number = rows): void {
  fft2dInPlace(re, im, rows, cols, -1);
}
