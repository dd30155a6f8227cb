import type { NdArray } from './types.js';

/** `(529, 64) float32`-style description of an array for error messages. */
export function describeArray(a: NdArray): string {
  const names: Record<string, string> = {
    f4: 'float32', f8: 'float64', c8: 'complex64', c16: 'complex128', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
    u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', b1: 'bool', U: 'unicode string', S: 'bytes string',
  };
  const s = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  return `${s} ${names[a.dtype] ?? a.dtype}`;
}

/** Where a value came from, for helpers' error messages. */
export interface ArrayContext {
  /** File name, for error messages only. */
  readonly file?: string;
  /** Array key, for error messages only. */
  readonly key?: string;
}
