/**
 * NPY format pieces (NEP 1, format versions 1.0, 2.0 and 3.0): magic, header dict, descr codes.
 */
import type { DType } from '../types.js';
import { PyDict, PyTuple, parsePyLiteral } from './py-literal.js';

export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const; // \x93NUMPY
/** Headers longer than this are refused (numpy itself refuses more than 10 000 bytes by default). */
export const MAX_HEADER_BYTES = 1 << 20;

/** A decoded `descr`: the stored type and the in-memory dtype it becomes. */
export interface Descr {
  /** dtype of the resulting NdArray (`f2` becomes `f4`). */
  readonly dtype: DType;
  /** Bytes per stored element. */
  readonly storedItemSize: number;
  /** Bytes swapped as a unit (lane size: half the item for complex, 4 or 1 for strings). */
  readonly swapUnit: number;
  readonly bigEndian: boolean;
  /** Stored as IEEE half precision (converted to f4). */
  readonly half: boolean;
  /** Code units per string element (1 for non-strings). */
  readonly width: number;
}

const NUMERIC: Readonly<Record<string, DType>> = {
  f4: 'f4', f8: 'f8', c8: 'c8', c16: 'c16', i1: 'i1', i2: 'i2', i4: 'i4', i8: 'i8',
  u1: 'u1', u2: 'u2', u4: 'u4', u8: 'u8', b1: 'b1',
};

/** Thrown for well-formed but refused or unknown descriptors; the caller turns it into an InputError. */
export class DescrError extends Error {}

/** Decode a descr string such as `'<f8'`, `'>c16'`, `'|b1'`, `'<U42'`, `'|S7'`, `'<f2'`. */
export function parseDescr(descr: string): Descr {
  const m = /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(descr);
  if (m === null) throw new DescrError(`unsupported dtype '${descr}'`);
  const order = m[1] ?? '', kind = m[2] ?? '', digits = m[3] ?? '';
  if (kind === 'O') throw new DescrError(`object dtype '${descr}' is refused (pickled Python objects are never loaded)`);
  const bigEndian = order === '>';
  const n = digits === '' ? NaN : Number(digits);
  if (kind === 'U' || kind === 'S' || kind === 'a') {
    if (!Number.isSafeInteger(n) || n < 1) throw new DescrError(`unsupported dtype '${descr}' (string width must be ≥ 1)`);
    const U = kind === 'U';
    return { dtype: U ? 'U' : 'S', storedItemSize: U ? 4 * n : n, swapUnit: U ? 4 : 1, bigEndian: U && bigEndian, half: false, width: n };
  }
  if (kind === 'f' && n === 2) return { dtype: 'f4', storedItemSize: 2, swapUnit: 2, bigEndian, half: true, width: 1 };
  const dtype = NUMERIC[kind + digits];
  if (dtype === undefined) throw new DescrError(`unsupported dtype '${descr}' (supported: f2 f4 f8 c8 c16 i1 i2 i4 i8 u1 u2 u4 u8 b1 U S, either byte order)`);
  const complex = kind === 'c';
  return { dtype, storedItemSize: n, swapUnit: complex ? n / 2 : n, bigEndian: bigEndian && n > 1, half: false, width: 1 };
}

/** The parsed header: descr, order and shape. */
export interface NpyHeader {
  readonly descr: Descr;
  readonly descrText: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
}

/**
 * Parse the header dict text (`{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`).
 * Throws SyntaxError for malformed text, DescrError for refused dtypes.
 */
export function parseHeaderDict(text: string): NpyHeader {
  const v = parsePyLiteral(text);
  if (!(v instanceof PyDict)) throw new SyntaxError('header is not a dict');
  const keys = [...v.entries.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') throw new SyntaxError(`header keys must be descr, fortran_order, shape; got ${keys || 'none'}`);
  const descr = v.entries.get('descr');
  if (typeof descr !== 'string') throw new DescrError('structured or nested dtypes are refused (descr is not a simple type string)');
  const fortran = v.entries.get('fortran_order');
  if (typeof fortran !== 'boolean') throw new SyntaxError('fortran_order must be True or False');
  const shape = v.entries.get('shape');
  if (!(shape instanceof PyTuple)) throw new SyntaxError('shape must be a tuple');
  const dims = shape.items.map((d) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) throw new SyntaxError(`shape entries must be non-negative integers, got ${String(d)}`);
    return d;
  });
  if (dims.length > 32) throw new SyntaxError(`too many dimensions (${dims.length} > 32)`);
  return { descr: parseDescr(descr), descrText: descr, fortranOrder: fortran, shape: dims };
}

/** Python repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** True when this machine stores numbers little-endian (every platform we run on). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
