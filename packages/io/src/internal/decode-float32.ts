import { byteswapInPlace, copyBytes, halfToFloat32 } from './byte-ops.js';
import type { Descr } from './npy-format.js';

/**
 * Decode `count` stored elements of a real numeric type (numpy descr semantics: either byte order,
 * `f2` half floats, ints, bools) from `bytes` into `out` as float32, starting at `out[at]`.
 * `bytes` is not modified (a big-endian payload is swapped in a copy). int64 values beyond 2^24
 * round to float32, as `toFloat32Array` does.
 */
export function decodeFloat32(bytes: Uint8Array, descr: Descr, count: number, out: Float32Array, at = 0): void {
  let b = bytes;
  const size = descr.storedItemSize;
  if (descr.bigEndian) { b = copyBytes(bytes.subarray(0, count * size)); byteswapInPlace(b, descr.swapUnit); }
  if (descr.half) { out.set(halfToFloat32(aligned(b, 2, count, Uint16Array)), at); return; }
  let src: ArrayLike<number> | BigInt64Array | BigUint64Array;
  switch (descr.dtype) {
    case 'f4': src = aligned(b, 4, count, Float32Array); break;
    case 'f8': src = aligned(b, 8, count, Float64Array); break;
    case 'i1': src = new Int8Array(b.buffer, b.byteOffset, count); break;
    case 'u1': case 'b1': src = new Uint8Array(b.buffer, b.byteOffset, count); break;
    case 'i2': src = aligned(b, 2, count, Int16Array); break;
    case 'u2': src = aligned(b, 2, count, Uint16Array); break;
    case 'i4': src = aligned(b, 4, count, Int32Array); break;
    case 'u4': src = aligned(b, 4, count, Uint32Array); break;
    case 'i8': src = aligned(b, 8, count, BigInt64Array); break;
    case 'u8': src = aligned(b, 8, count, BigUint64Array); break;
    default: throw new TypeError(`decodeFloat32: not a real numeric dtype (${descr.dtype})`);
  }
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    for (let i = 0; i < count; i++) out[at + i] = Number(src[i]!);
  } else if (src instanceof Float32Array) {
    out.set(src, at);
  } else {
    for (let i = 0; i < count; i++) out[at + i] = src[i]!;
  }
}

type View<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T };

/** A typed view on `b` (copied first when its offset is not a multiple of the element size). */
function aligned<T>(b: Uint8Array, unit: number, count: number, C: View<T>): T {
  const src = b.byteOffset % unit === 0 ? b : copyBytes(b.subarray(0, count * unit));
  return new C(src.buffer, src.byteOffset, count);
}
