import { roll2, type FloatArray } from './roll2.js';

/**
 * Inverse of {@link fftshift2} (numpy's `ifftshift` over the last two axes): element (r, c) goes to
 * ((r − ⌊rows/2⌋) mod rows, (c − ⌊cols/2⌋) mod cols). Equal to `fftshift2` for even sizes.
 *
 * @shape a (..., rows, cols) float32 or float64
 */
export function ifftshift2<T extends FloatArray>(a: T, rows: number, cols: number = rows): T {
  return roll2(a, rows, cols, -Math.floor(rows / 2), -Math.floor(cols / 2));
}
