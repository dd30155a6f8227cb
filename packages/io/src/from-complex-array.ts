import { ndarray } from './ndarray.js';
import type { ComplexArray, NdArray } from './types.js';

/**
 * Interleave float32 real and imaginary planes into a complex `NdArray` (`c8` by default, or
 * `c16`) for writing (SPEC §3).
 *
 * @shape c.re, c.im (...shape) float32
 */
export function fromComplexArray(c: ComplexArray, dtype: 'c8' | 'c16' = 'c8'): NdArray {
  const n = c.shape.reduce((p, d) => p * d, 1);
  if (c.re.length !== n || c.im.length !== n) {
    throw new RangeError(`fromComplexArray: shape [${c.shape.join(', ')}] needs ${n} values per plane, got re ${c.re.length}, im ${c.im.length}`);
  }
  const d = dtype === 'c8' ? new Float32Array(2 * n) : new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { d[2 * i] = c.re[i]!; d[2 * i + 1] = c.im[i]!; }
  return ndarray(dtype, c.shape, d);
}
