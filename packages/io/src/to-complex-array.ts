import { InputError } from './errors.js';
import { describeArray, type ArrayContext } from './describe-array.js';
import { realValues } from './to-float64-array.js';
import type { ComplexArray, NdArray } from './types.js';

/**
 * Split an array into float32 real and imaginary planes (SPEC §3, §5): `c8`/`c16` are
 * de-interleaved (c16 rounds to float32), real dtypes get a zero imaginary plane.
 *
 * @throws InputError for string arrays (naming `ctx.file`/`ctx.key`).
 */
export function toComplexArray(a: NdArray, ctx: ArrayContext = {}): ComplexArray {
  const shape = [...a.shape];
  if (a.dtype === 'c8' || a.dtype === 'c16') {
    const d = a.data as Float32Array | Float64Array;
    const n = d.length / 2;
    const re = new Float32Array(n), im = new Float32Array(n);
    for (let i = 0; i < n; i++) { re[i] = d[2 * i]!; im[i] = d[2 * i + 1]!; }
    return { shape, re, im };
  }
  if (a.dtype === 'U' || a.dtype === 'S') {
    throw new InputError('expected a numeric array', { ...ctx, expected: 'a complex or real dtype', actual: describeArray(a) });
  }
  const re = a.dtype === 'f4' ? (a.data as Float32Array).slice() : (realValues(a, ctx, Float32Array) as Float32Array);
  return { shape, re, im: new Float32Array(re.length) };
}
