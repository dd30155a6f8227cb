import type { NdArray } from './types.js';

const KIND: Readonly<Record<string, string>> = { f: 'float', c: 'complex', i: 'int', u: 'uint' };
const MEMORY: Readonly<Record<string, string>> = {
  f4: 'float32', f8: 'float64', c8: 'complex64', c16: 'complex128', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', b1: 'bool', U: 'str', S: 'bytes',
};

/**
 * numpy's name for the dtype an array has **in its file** (`a.storedDescr`, set by `parseNpy`):
 * `'<f2'` → `float16`, `'>f8'` → `float64 (big-endian)`, `'|u1'` → `uint8`, `'<U12'` → `str (<U12)`.
 * Arrays made in memory (no `storedDescr`) are named by their `dtype` (`f4` → `float32`).
 * Use it wherever a person reads the dtype (inspect listings, error messages), so a file's float16
 * or uint16 is reported as such and not as the float32 it was converted to.
 */
export function numpyDtypeName(a: Pick<NdArray, 'dtype' | 'storedDescr'>): string {
  const m = a.storedDescr === undefined ? null : /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(a.storedDescr);
  if (m === null) return MEMORY[a.dtype] ?? a.dtype;
  const [, order, kind, digits] = m as unknown as [string, string, string, string];
  if (kind === 'U' || kind === 'S' || kind === 'a') return `${kind === 'U' ? 'str' : 'bytes'} (${a.storedDescr})`;
  const base = kind === 'b' ? 'bool' : KIND[kind] !== undefined ? `${KIND[kind]}${Number(digits) * 8}` : a.storedDescr!;
  return order === '>' && Number(digits) > 1 ? `${base} (big-endian)` : base;
}
