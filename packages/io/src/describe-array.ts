import { numpyDtypeName } from './numpy-dtype-name.js';
import type { NdArray } from './types.js';

/**
 * `(529, 64) float32`-style description of an array for error messages, with the dtype as stored
 * in its file ({@link numpyDtypeName}: a float16 file array reads `float16`, not `float32`).
 */
export function describeArray(a: Pick<NdArray, 'shape' | 'dtype' | 'storedDescr'>): string {
  const s = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  return `${s} ${numpyDtypeName(a)}`;
}

/** Where a value came from, for helpers' error messages. */
export interface ArrayContext {
  /** File name, for error messages only. */
  readonly file?: string;
  /** Array key, for error messages only. */
  readonly key?: string;
}
