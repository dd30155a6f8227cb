// fast-check arbitraries shared by the property tests of @ptychojs/io (test-only).
import fc from 'fast-check';
import { dtypeInfo } from '../src/dtype-info.js';
import { ndarray } from '../src/ndarray.js';
import type { DType, NdArray } from '../src/types.js';

const NUMERIC: DType[] = ['f4', 'f8', 'c8', 'c16', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1'];

/**
 * Any array `encodeNpy` accepts: every numeric dtype and `U`/`S` strings, rank 0–4 with sides 0–5,
 * arbitrary bit patterns as data (NaN payloads, denormals, ±0 included; bools 0/1).
 */
export const anyNdArray: fc.Arbitrary<NdArray> = fc
  .record({
    dtype: fc.constantFrom<DType>(...NUMERIC, 'U', 'S'),
    shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
    width: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  })
  .map(({ dtype, shape, width, seed }) => {
    const info = dtypeInfo(dtype);
    const size = shape.reduce((p, d) => p * d, 1);
    const lanes = size * info.lanes * (info.kind === 'string' ? width : 1);
    const bytes = new Uint8Array(lanes * info.laneBytes);
    let s = seed >>> 0;
    for (let i = 0; i < bytes.length; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; bytes[i] = s >>> 24; }
    if (dtype === 'b1') for (let i = 0; i < bytes.length; i++) bytes[i]! &= 1;
    // A string dtype needs at least one code unit per element, even for size 0 arrays.
    const data = info.create(bytes.buffer, 0, lanes);
    return ndarray(dtype, shape, data);
  });

/** The bytes of an array's data, for exact (bitwise) comparison. */
export function bytesOf(a: NdArray): Uint8Array {
  return new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
}

/** Random damage to a file: set bytes, write a 32-bit field (sizes, offsets), truncate, or append. */
export type Damage =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'append'; bytes: number[] };

export const damage: fc.Arbitrary<Damage[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, 65535, 1 << 20), fc.nat()) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('append' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** Apply `damage` to a copy of `b` (positions taken modulo the current length). */
export function applyDamage(b: Uint8Array, ds: readonly Damage[]): Uint8Array {
  let out = Uint8Array.from(b);
  for (const d of ds) {
    if (out.length === 0 && d.kind !== 'append') continue;
    if (d.kind === 'set') out[d.at % out.length] = d.value;
    else if (d.kind === 'u32') {
      const at = d.at % Math.max(1, out.length - 3);
      if (out.length >= 4) new DataView(out.buffer).setUint32(at, d.value >>> 0, true);
    } else if (d.kind === 'truncate') out = out.slice(0, d.at % out.length);
    else { const n = new Uint8Array(out.length + d.bytes.length); n.set(out); n.set(d.bytes, out.length); out = n; }
  }
  return out;
}
