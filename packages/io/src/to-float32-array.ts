import type { ArrayContext } from './describe-array.js';
import { realValues } from './to-float64-array.js';
import type { NdArray } from './types.js';

/**
 * The values of a real array as float32 (C order). Returns `a.data` itself when it is already
 * `f4` (no copy), otherwise a converted (rounded) copy.
 *
 * @throws InputError for complex or string arrays (naming `ctx.file`/`ctx.key`).
 */
export function toFloat32Array(a: NdArray, ctx: ArrayContext = {}): Float32Array {
  if (a.dtype === 'f4') return a.data as Float32Array;
  return realValues(a, ctx, Float32Array) as Float32Array;
}
