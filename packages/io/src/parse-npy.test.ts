import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { parseNpy } from './parse-npy.js';
import type { NdArray } from './types.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as Record<string, { dtype: string; shape: number[]; values: unknown[] }>;
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIX, name)));

/** Flatten data to JSON-comparable values the way make_fixtures.py writes them. */
function plain(a: NdArray): unknown[] {
  if (a.data instanceof BigInt64Array || a.data instanceof BigUint64Array) return Array.from(a.data, String);
  return Array.from(a.data as ArrayLike<number>);
}

describe('parseNpy reads numpy-written files exactly', () => {
  const names = Object.keys(expected).filter((n) => n.endsWith('.npy') && !n.startsWith('U_') && !n.startsWith('S_'));
  it.each(names)('%s', (name) => {
    const e = expected[name]!;
    const a = parseNpy(read(name), { file: name });
    expect(a.dtype).toBe(e.dtype);
    expect(a.shape).toEqual(e.shape);
    // Exact equality: every fixture value is a dyadic rational representable in f2/f4/f8.
    expect(plain(a)).toEqual(e.values);
  });

  it('checks the fixture values against an independent formula (f8 C order: 0.5·k − 3)', () => {
    const a = parseNpy(read('f8_le.npy'));
    expect(Array.from(a.data as Float64Array)).toEqual(Array.from({ length: 24 }, (_, k) => 0.5 * k - 3));
    // Fortran-ordered (4, 6) of the same values reads back in C order: element (r, c) = 0.5·(6r + c) − 3.
    const f = parseNpy(read('f8_fortran.npy'));
    expect(f.shape).toEqual([4, 6]);
    expect((f.data as Float64Array)[1 * 6 + 2]).toBe(0.5 * 8 - 3);
    // Big-endian c16 element k = (0.5k − 3) + i(1 − 0.25k), interleaved.
    const c = parseNpy(read('c16_be.npy'));
    expect([c.data[2 * 7], c.data[2 * 7 + 1]]).toEqual([0.5, -0.75]);
  });

  it('reads 0-d scalars with shape []', () => {
    const s = parseNpy(read('f8_scalar.npy'));
    expect(s.shape).toEqual([]);
    expect(Array.from(s.data as Float64Array)).toEqual([3.25]);
  });

  it('returns a zero-copy view when the payload is aligned, a copy when asked', () => {
    const bytes = read('f8_le.npy'); // numpy pads the header to 64 bytes: aligned
    const a = parseNpy(bytes);
    expect(a.data.buffer).toBe(bytes.buffer);
    const b = parseNpy(bytes, { copy: true });
    expect(b.data.buffer).not.toBe(bytes.buffer);
    expect(Array.from(b.data as Float64Array)).toEqual(Array.from(a.data as Float64Array));
    // Misaligned by one byte: still correct (copied).
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const c = parseNpy(shifted.subarray(1));
    expect(Array.from(c.data as Float64Array)).toEqual(Array.from(a.data as Float64Array));
    // A misaligned Node Buffer (whose slice() is a view, not a copy) is copied too.
    const buf = Buffer.from(shifted.buffer, 1, bytes.length);
    expect(Array.from(parseNpy(buf).data as Float64Array)).toEqual(Array.from(a.data as Float64Array));
    expect(Array.from(parseNpy(buf, { copy: true }).data as Float64Array)).toEqual(Array.from(a.data as Float64Array));
    const f = fs.readFileSync(path.join(FIX, 'c16_fortran.npy'));
    const g = Buffer.alloc(f.length + 3); f.copy(g, 3);
    expect(parseNpy(g.subarray(3)).data).toEqual(parseNpy(read('c16_fortran.npy')).data);
  });
});

describe('parseNpy refuses bad input with an InputError', () => {
  const err = (f: () => unknown): InputError => {
    try { f(); } catch (e) { expect(e).toBeInstanceOf(InputError); return e as InputError; }
    throw new Error('expected an InputError');
  };

  it('a lying header names the expected and actual byte counts', () => {
    const e = err(() => parseNpy(read('lying_header.npy'), { file: 'lying_header.npy' }));
    expect(e.expected).toBe('160 bytes of data');
    expect(e.actual).toBe('80 bytes');
    expect(e.message).toMatch(/^lying_header\.npy: payload length/);
  });

  it('object (pickle) arrays are refused, not evaluated', () => {
    const e = err(() => parseNpy(read('object.npy'), { file: 'object.npy', key: 'x' }));
    expect(e.message).toMatch(/object dtype '\|O' is refused/);
    expect(e.key).toBe('x');
  });

  it('structured dtypes are refused', () => {
    expect(err(() => parseNpy(read('structured.npy'))).message).toMatch(/structured/);
  });

  it('declared sizes above maxBytes are refused before any allocation', () => {
    const e = err(() => parseNpy(read('f8_le.npy'), { maxBytes: 100 }));
    expect(e.message).toMatch(/too large/);
    expect(e.actual).toBe('192 bytes');
  });

  it('bad magic, truncation, bad versions and malformed headers', () => {
    const good = read('f8_le.npy');
    expect(err(() => parseNpy(new Uint8Array([1, 2, 3]))).message).toMatch(/not an NPY file/);
    expect(err(() => parseNpy(good.subarray(0, 40))).message).toMatch(/truncated NPY header/);
    expect(err(() => parseNpy(good.subarray(0, good.length - 1))).message).toMatch(/payload length/);
    const v9 = good.slice(); v9[6] = 9;
    expect(err(() => parseNpy(v9)).actual).toBe('9.0');
    const text = (s: string): Uint8Array => {
      const h = s.padEnd(117) + '\n';
      const b = new Uint8Array(10 + h.length + 8);
      b.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, h.length, 0]);
      for (let i = 0; i < h.length; i++) b[10 + i] = h.charCodeAt(i);
      return b;
    };
    expect(parseNpy(text("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }")).shape).toEqual([1]);
    for (const h of [
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
      "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': [1]}",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x",
      "__import__('os').system('true')",
      "{'descr': '<M8', 'fortran_order': False, 'shape': (1,)}",
      "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,)}",
    ]) {
      expect(() => parseNpy(text(h)), h).toThrow(InputError);
    }
  });
});
