import { fft2InPlace } from './internal/fft2-in-place.js';

/**
 * Forward 2-D discrete Fourier transform, in place, in float64:
 * `X[u,v] = Σ_{r,c} x[r,c]·e^{−2πi (ur/rows + vc/cols)}` (numpy's `fft2`, unnormalized). The one
 * FFT of the toolkit: the SPEC §3 forward model and simulators (`@ptychojs/physics`), ePIE, and
 * the metrics' FRC and registration (SPEC §4) all call it. Any sizes: `fft.js` (radix-4) for
 * powers of two, Bluestein's algorithm otherwise. A stack of images (length a multiple of
 * rows·cols) is transformed image by image.
 *
 * @shape re (..., rows, cols) float64, real plane, overwritten with the transform
 * @shape im (..., rows, cols) float64, imaginary plane, overwritten with the transform
 * @param cols defaults to `rows` (square images)
 * @throws RangeError when the planes are not a whole stack of rows×cols images
 */
export function fft2(re: Float64Array, im: Float64Array, rows: number, cols: number = rows): void {
  fft2InPlace(re, im, rows, cols, false);
}
