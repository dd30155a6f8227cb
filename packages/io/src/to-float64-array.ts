import { InputError } from './errors.js';
import { describeArray, type ArrayContext } from './describe-array.js';
import type { NdArray } from './types.js';

/**
 * The values of a real array as float64 (C order). Returns `a.data` itself when it is already
 * `f8` (no copy), otherwise a converted copy; int64 values beyond 2^53 round.
 *
 * @throws InputError for complex or string arrays (naming `ctx.file`/`ctx.key`).
 */
export function toFloat64Array(a: NdArray, ctx: ArrayContext = {}): Float64Array {
  if (a.dtype === 'f8') return a.data as Float64Array;
  return realValues(a, ctx, Float64Array) as Float64Array;
}

/** @internal Convert a real array's data into a new `Out` array. */
export function realValues(a: NdArray, ctx: ArrayContext, Out: Float32ArrayConstructor | Float64ArrayConstructor): Float32Array | Float64Array {
  if (a.dtype === 'c8' || a.dtype === 'c16' || a.dtype === 'U' || a.dtype === 'S') {
    throw new InputError('expected a real numeric array', { ...ctx, expected: 'a float, int or bool dtype', actual: describeArray(a) });
  }
  const d = a.data;
  if (d instanceof BigInt64Array || d instanceof BigUint64Array) {
    const out = new Out(d.length);
    for (let i = 0; i < d.length; i++) out[i] = Number(d[i]!);
    return out;
  }
  return Out.from(d as ArrayLike<number>);
}
