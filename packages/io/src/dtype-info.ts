import type { DType, NdData } from './types.js';

/** Static facts about a dtype: bytes per element, typed-array constructor and lanes per element. */
export interface DTypeInfo {
  readonly dtype: DType;
  /** Bytes per element (for `'U'`/`'S'`: per code unit; multiply by the string width). */
  readonly itemSize: number;
  /** Bytes per typed-array lane: itemSize for real types, itemSize/2 for complex. */
  readonly laneBytes: number;
  /** Typed-array lanes per element: 2 for complex, 1 otherwise (×width for strings). */
  readonly lanes: number;
  readonly complex: boolean;
  readonly kind: 'float' | 'complex' | 'int' | 'uint' | 'bool' | 'string';
  /** Constructs the storage typed array for this dtype. */
  readonly create: {
    (length: number): NdData;
    (buffer: ArrayBufferLike, byteOffset: number, length: number): NdData;
  };
  /** The typed-array class (for `instanceof` checks). */
  readonly ctor: abstract new (...args: never[]) => NdData;
}

type Ctor = { new (length: number): NdData; new (buffer: ArrayBufferLike, byteOffset: number, length: number): NdData };

function info(dtype: DType, itemSize: number, kind: DTypeInfo['kind'], C: Ctor): DTypeInfo {
  const complex = kind === 'complex';
  const create = ((a: number | ArrayBufferLike, o?: number, n?: number) =>
    typeof a === 'number' ? new C(a) : new C(a, o ?? 0, n ?? 0)) as DTypeInfo['create'];
  return { dtype, itemSize, laneBytes: complex ? itemSize / 2 : itemSize, lanes: complex ? 2 : 1, complex, kind, create, ctor: C };
}

const TABLE: Readonly<Record<DType, DTypeInfo>> = {
  f4: info('f4', 4, 'float', Float32Array),
  f8: info('f8', 8, 'float', Float64Array),
  c8: info('c8', 8, 'complex', Float32Array),
  c16: info('c16', 16, 'complex', Float64Array),
  i1: info('i1', 1, 'int', Int8Array),
  i2: info('i2', 2, 'int', Int16Array),
  i4: info('i4', 4, 'int', Int32Array),
  i8: info('i8', 8, 'int', BigInt64Array),
  u1: info('u1', 1, 'uint', Uint8Array),
  u2: info('u2', 2, 'uint', Uint16Array),
  u4: info('u4', 4, 'uint', Uint32Array),
  u8: info('u8', 8, 'uint', BigUint64Array),
  b1: info('b1', 1, 'bool', Uint8Array),
  U: info('U', 4, 'string', Uint32Array),
  S: info('S', 1, 'string', Uint8Array),
};

/** Facts about `dtype`; throws a TypeError for an unknown code. */
export function dtypeInfo(dtype: DType): DTypeInfo {
  const d = TABLE[dtype];
  if (d === undefined) throw new TypeError(`unknown dtype '${String(dtype)}'`);
  return d;
}
