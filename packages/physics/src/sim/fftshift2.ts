import { roll2, type FloatArray } from './roll2.js';

/**
 * Moves the zero frequency of every `rows × cols` image to its centre, like numpy's
 * `fftshift(a, axes=(-2, -1))`: element (r, c) goes to ((r + ⌊rows/2⌋) mod rows,
 * (c + ⌊cols/2⌋) mod cols). For even sizes it is its own inverse. Returns a new array.
 * SPEC §3: `A = sqrt(fftshift(I))`.
 *
 * @shape a (..., rows, cols) float32 or float64
 */
export function fftshift2<T extends FloatArray>(a: T, rows: number, cols: number = rows): T {
  return roll2(a, rows, cols, Math.floor(rows / 2), Math.floor(cols / 2));
}
