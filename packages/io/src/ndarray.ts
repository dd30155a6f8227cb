import { dtypeInfo } from './dtype-info.js';
import type { DType, NdArray, NdData } from './types.js';

/**
 * Make a validated `NdArray` (SPEC §3). `data` must be the storage type of `dtype`
 * (`Float32Array` for `f4`/`c8`, `BigInt64Array` for `i8`, …) with `product(shape)` elements,
 * complex interleaved (re, im) so `2·product(shape)` lanes; string dtypes hold
 * `product(shape) × width` code units. Shape `[]` is a 0-d scalar. The data is not copied.
 *
 * @throws TypeError / RangeError on a mismatch (programming errors, not bad user input).
 */
export function ndarray(dtype: DType, shape: readonly number[], data: NdData): NdArray {
  const info = dtypeInfo(dtype);
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new RangeError(`ndarray: shape entries must be non-negative integers, got [${shape.join(', ')}]`);
  }
  if (!(data instanceof info.ctor)) {
    throw new TypeError(`ndarray: dtype '${dtype}' needs a ${info.ctor.name}, got ${(data as object)?.constructor?.name ?? typeof data}`);
  }
  const size = shape.reduce((p, d) => p * d, 1);
  if (info.kind === 'string') {
    if (size === 0 ? data.length !== 0 : data.length === 0 || data.length % size !== 0) {
      throw new RangeError(`ndarray: '${dtype}' data length ${data.length} is not a positive multiple of size ${size} (shape [${shape.join(', ')}])`);
    }
  } else if (data.length !== size * info.lanes) {
    throw new RangeError(`ndarray: shape [${shape.join(', ')}] '${dtype}' needs ${size * info.lanes} elements${info.complex ? ' (interleaved re, im)' : ''}, got ${data.length}`);
  }
  return { dtype, shape: [...shape], data };
}
