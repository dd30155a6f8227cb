import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from './encode-npy.js';
import { ndarray } from './ndarray.js';
import { parseNpy } from './parse-npy.js';
import type { DType, NdArray, NdData } from './types.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');

/** A (2, 3, 4) array of each dtype holding distinct values (complex: 24 distinct pairs). */
function sample(dtype: DType, shape: number[] = [2, 3, 4]): NdArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const k = (i: number): number => i % 251;
  const make: Record<DType, () => NdData> = {
    f4: () => Float32Array.from({ length: n }, (_, i) => 0.5 * i - 3),
    f8: () => Float64Array.from({ length: n }, (_, i) => Math.PI * i - 1e300 * (i % 2)),
    c8: () => Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? -0.25 : 0.5) * i),
    c16: () => Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? -Math.E : Math.SQRT2) * i),
    i1: () => Int8Array.from({ length: n }, (_, i) => k(i) - 128),
    i2: () => Int16Array.from({ length: n }, (_, i) => i * 1000 - 30000),
    i4: () => Int32Array.from({ length: n }, (_, i) => i * 99991 - 2 ** 31),
    i8: () => BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 12345678901n - 2n ** 62n),
    u1: () => Uint8Array.from({ length: n }, (_, i) => k(i)),
    u2: () => Uint16Array.from({ length: n }, (_, i) => 65535 - i),
    u4: () => Uint32Array.from({ length: n }, (_, i) => 2 ** 32 - 1 - i * 7),
    u8: () => BigUint64Array.from({ length: n }, (_, i) => 2n ** 64n - 1n - BigInt(i)),
    b1: () => Uint8Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0),
    U: () => Uint32Array.from({ length: 3 * n }, (_, i) => (i % 3 === 2 ? 0 : 0x41 + (i % 50) + (i % 7 === 0 ? 0x1f600 : 0))),
    S: () => Uint8Array.from({ length: 2 * n }, (_, i) => 0x61 + (i % 26)),
  };
  return ndarray(dtype, shape, make[dtype]());
}

const DTYPES: DType[] = ['f4', 'f8', 'c8', 'c16', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1', 'U', 'S'];

describe('encodeNpy → parseNpy round trips exactly', () => {
  const cases = DTYPES.flatMap((d) => [1, 2, 3].flatMap((version) =>
    [false, true].flatMap((fortranOrder) => [false, true].map((bigEndian) => ({ d, version: version as 1 | 2 | 3, fortranOrder, bigEndian })))));
  it.each(cases)('$d v$version fortran=$fortranOrder bigEndian=$bigEndian', ({ d, version, fortranOrder, bigEndian }) => {
    const a = sample(d);
    const bytes = encodeNpy(a, { version, fortranOrder, bigEndian });
    expect(bytes[6]).toBe(version);
    const b = parseNpy(bytes);
    expect(b.dtype).toBe(d);
    expect(b.shape).toEqual([2, 3, 4]);
    expect(b.data).toEqual(a.data); // bit-exact
  });

  it.each([[[]], [[0]], [[5]], [[0, 3]], [[1, 1, 7]]])('shape %j', (shape) => {
    const a = sample('c8', shape);
    expect(parseNpy(encodeNpy(a, { fortranOrder: true })).data).toEqual(a.data);
    expect(parseNpy(encodeNpy(a)).shape).toEqual(shape);
  });

  it('writes the same bytes numpy writes for C-ordered arrays (header padded to 64)', () => {
    // f8_le.npy and i4_fortran_v2.npy were written by numpy; their payload and header dict must match ours.
    const np = new Uint8Array(fs.readFileSync(path.join(FIX, 'f8_le.npy')));
    const ours = encodeNpy(parseNpy(np));
    expect(ours.length).toBe(np.length);
    expect(ours.subarray(128)).toEqual(np.subarray(128));
    expect(ours.length % 64).toBe(0);
    const hdr = (b: Uint8Array): string => String.fromCharCode(...b.subarray(10, 128)).replace(/\s+$/, '');
    expect(hdr(ours)).toBe(hdr(np));
  });
});
