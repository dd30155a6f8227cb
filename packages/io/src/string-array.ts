import { ndarray } from './ndarray.js';
import type { NdArray } from './types.js';

/**
 * Make a string `NdArray` as numpy would store it: `'U'` (UTF-32 code points, numpy's `str`) by
 * default, or `'S'` (UTF-8 bytes). Elements are NUL-padded to the longest. `shape` defaults to
 * `[]` for one string (like `np.array(json.dumps(d))`) and `[values.length]` otherwise.
 */
export function stringArray(values: string | readonly string[], dtype: 'U' | 'S' = 'U', shape?: readonly number[]): NdArray {
  const list = typeof values === 'string' ? [values] : [...values];
  const sh = shape ?? (typeof values === 'string' ? [] : [list.length]);
  const units = list.map((s) => (dtype === 'U' ? Array.from(s, (c) => c.codePointAt(0)!) : Array.from(new TextEncoder().encode(s))));
  const w = Math.max(1, ...units.map((u) => u.length));
  const data = dtype === 'U' ? new Uint32Array(w * list.length) : new Uint8Array(w * list.length);
  units.forEach((u, k) => data.set(u, k * w));
  return ndarray(dtype, sh, data);
}
