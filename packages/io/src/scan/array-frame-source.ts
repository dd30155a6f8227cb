import { InputError } from '../errors.js';
import { describeArray } from '../describe-array.js';
import { dtypeInfo } from '../dtype-info.js';
import { toFloat32Array } from '../to-float32-array.js';
import type { FrameSource, NdArray, NumericDType } from '../types.js';

/**
 * A {@link FrameSource} over an array already in memory (a parsed NPZ member, a simulated scan):
 * `readRows` copies rows of its float32 values (converted once, on the first read, when the
 * array is not float32).
 *
 * @throws InputError for string or complex arrays (naming `ctx.file`/`ctx.key`)
 */
export function arrayFrameSource(a: NdArray, ctx: { readonly file?: string; readonly key?: string } = {}): FrameSource {
  if (a.dtype === 'U' || a.dtype === 'S' || a.dtype === 'c8' || a.dtype === 'c16') {
    throw new InputError('expected a real numeric array', { ...ctx, expected: 'a float, int or bool dtype', actual: describeArray(a) });
  }
  let values: Float32Array | undefined;
  const rowSize = a.shape.slice(1).reduce((p, d) => p * d, 1);
  const size = rowSize * (a.shape[0] ?? 1);
  return {
    dtype: a.dtype as NumericDType,
    shape: a.shape,
    ...(a.storedDescr !== undefined ? { storedDescr: a.storedDescr } : {}),
    access: 'memory',
    bytes: size * dtypeInfo(a.dtype).itemSize,
    readRows(start, end, out) {
      values ??= toFloat32Array(a, ctx);
      const rows = values.subarray(start * rowSize, end * rowSize);
      if (!out) return rows.slice();
      out.set(rows);
      return out;
    },
  };
}
