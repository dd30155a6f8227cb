import fs from 'node:fs';
import path from 'node:path';
import { Deflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeNpy } from './encode-npy.js';
import { InputError } from './errors.js';
import { allocateBytes } from './internal/allocate-bytes.js';
import { crc32 } from './internal/crc32.js';
import { zipParts } from './internal/zip-write.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as Record<string, { dtype: string; shape: number[]; values: number[] }>;
const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIX, name)));
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
const inputError = (f: () => unknown): InputError => {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(InputError); return e as InputError; }
  throw new Error('expected an InputError');
};

describe('parseNpz reads numpy archives', () => {
  it.each(['stored.npz', 'deflated.npz'])('%s (np.savez / np.savez_compressed, ZIP64 local headers)', (name) => {
    const arrays = parseNpz(read(name), { file: name });
    expect(Object.keys(arrays).sort()).toEqual(['a', 'b', 'c', 'group/d', 's']);
    for (const [k, a] of Object.entries(arrays)) {
      const e = expected[`npz:${k}`]!;
      expect(a.dtype, k).toBe(e.dtype);
      expect(a.shape, k).toEqual(e.shape);
      expect(Array.from(a.data as ArrayLike<number>), k).toEqual(e.values); // exact (dyadic values)
    }
  });

  it('reads only the requested keys', () => {
    expect(Object.keys(parseNpz(read('deflated.npz'), { keys: ['b', 'zz'] }))).toEqual(['b']);
  });

  it('verifies CRC-32 of stored members on request and always for deflated ones', () => {
    const stored = read('stored.npz');
    const i = indexOf(stored, 'a.npy');
    const bad = stored.slice();
    bad[i + 5 + 20 + 128 + 3]! ^= 0x40; // a payload byte of member 'a' (after name, ZIP64 extra and npy header)
    expect(() => parseNpz(bad)).not.toThrow();
    expect(inputError(() => parseNpz(bad, { verifyCrc: true, file: 'x.npz' })).message).toMatch(/^x\.npz, key 'a': CRC-32 mismatch/);
  });
});

describe('parseNpz refuses bad archives with an InputError naming file and key', () => {
  it('a truncated archive', () => {
    const e = inputError(() => parseNpz(read('truncated.npz'), { file: 'truncated.npz' }));
    expect(e.file).toBe('truncated.npz');
    expect(e.message).toMatch(/truncated/);
  });

  it('garbage, an empty buffer, and a deflated member cut short', () => {
    expect(inputError(() => parseNpz(new Uint8Array(100), { file: 'f' })).message).toMatch(/not a zip archive/);
    expect(inputError(() => parseNpz(new Uint8Array(0))).message).toMatch(/too short/);
    const z = concat(zipParts([{ name: 'a.npy', method: 8, crc: 0, uncompressedSize: 1000, parts: [new Uint8Array([0x78])] }]));
    expect(inputError(() => parseNpz(z, { file: 'f' })).key).toBe('a');
  });

  it('an object-dtype member', () => {
    const e = inputError(() => parseNpz(read('object.npz'), { file: 'object.npz' }));
    expect(e.key).toBe('obj');
    expect(e.message).toMatch(/refused/);
    expect(Object.keys(parseNpz(read('object.npz'), { keys: ['ok'] }))).toEqual(['ok']);
  });

  /**
   * A deflate stream of `mib` MiB of zeros after `header`: the header as one stored block, then a
   * sync-flushed deflate block of 1 MiB of zeros (~1 kB) repeated, then an empty final stored block.
   * ~260 kB that inflates to 256 MiB.
   */
  function zeroBomb(mib: number, header: Uint8Array): Uint8Array {
    const n = header.length;
    const stored = concat([new Uint8Array([0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), header]);
    const block: Uint8Array[] = [];
    const e = new Deflate({ level: 9 }, (c) => { block.push(c); });
    e.push(new Uint8Array(1 << 20));
    e.flush(true);
    const b = concat(block);
    return concat([stored, ...Array.from({ length: mib }, () => b), new Uint8Array([1, 0, 0, 0xff, 0xff])]);
  }
  const bombHeader = encodeNpy(ndarray('f8', [0], new Float64Array(0))).subarray(0, 128).slice();
  // Patch the header's shape to (2**25,) f8 = 256 MiB, keeping its length (spaces absorb the digits).
  const h = String.fromCharCode(...bombHeader.subarray(10)).replace("'shape': (0,), ", "'shape': (33554432,), ").slice(0, 118);
  for (let i = 0; i < 118; i++) bombHeader[10 + i] = h.charCodeAt(i);
  bombHeader[127] = 10;

  it('a zip bomb that declares its real size is refused before inflating', () => {
    const stream = zeroBomb(256, bombHeader);
    expect(stream.length).toBeLessThan(400_000);
    const zip = concat(zipParts([{ name: 'bomb.npy', method: 8, crc: 0, uncompressedSize: 128 + 2 ** 28, parts: [stream] }]));
    const e = inputError(() => parseNpz(zip, { file: 'bomb.npz', maxBytes: 16 << 20 }));
    expect(e.key).toBe('bomb');
    expect(e.message).toMatch(/size cap/);
  });

  it('a zip bomb with a lying small declared size aborts as soon as output passes it', () => {
    // A 32 MiB bomb cut short at its end: a parser that inflated everything would reach the cut
    // and report a truncated stream; one that stops once the output passes the declared 1 MiB
    // never sees it. (Proves the early abort without timing anything.)
    const header = bombHeader.slice();
    const h32 = String.fromCharCode(...header.subarray(10)).replace('33554432', '4194304 ');
    for (let i = 0; i < 118; i++) header[10 + i] = h32.charCodeAt(i);
    const stream = zeroBomb(32, header).subarray(0, -64);
    const zip = concat(zipParts([{ name: 'bomb.npy', method: 8, crc: 0, uncompressedSize: 1 << 20, parts: [stream] }]));
    const e = inputError(() => parseNpz(zip, { file: 'bomb.npz', maxBytes: 16 << 20 }));
    expect(e.message).toMatch(/inflates to more than its declared size/);
    // Control: the same cut stream with its honest size, read to the end, is reported as cut.
    const honest = concat(zipParts([{ name: 'bomb.npy', method: 8, crc: 0, uncompressedSize: (32 << 20) + 128, parts: [stream] }]));
    expect(inputError(() => parseNpz(honest, { file: 'bomb.npz', maxBytes: 64 << 20 })).message).toMatch(/unexpected EOF/);
  });

  it('the bomb builder makes a valid stream: a 4 MiB bomb with an honest size parses to zeros', () => {
    const small = bombHeader.slice();
    const h = String.fromCharCode(...small.subarray(10)).replace("'shape': (33554432,), ", "'shape': (524288,),   ");
    for (let i = 0; i < 118; i++) small[10 + i] = h.charCodeAt(i);
    const payload = new Uint8Array(128 + (4 << 20));
    payload.set(small);
    const zip = concat(zipParts([{ name: 'z.npy', method: 8, crc: crc32(payload), uncompressedSize: payload.length, parts: [zeroBomb(4, small)] }]));
    const { z } = parseNpz(zip);
    expect(z!.shape).toEqual([524288]);
    expect((z!.data as Float64Array).every((v) => v === 0)).toBe(true);
  });

  it('a member whose zip and NPY headers agree on 5e9 bytes (under the 8 GiB cap, beyond one JS array) is an InputError, not a RangeError', () => {
    // The issue-9 crash: 5e9 bytes passed the cap and the 1032:1 check (4.9 MB of compressed
    // input), and `new Uint8Array(5e9)` threw a RangeError (exit 1). Deflate "stored" blocks of
    // zeros really expand 1:1, so the stream ends 5e9 − 4.9e6 bytes early.
    const declared = 128 + 625_000_000 * 8;
    const header = bombHeader.slice();
    const h = String.fromCharCode(...header.subarray(10)).replace("'shape': (33554432,), ", "'shape': (625000000,),").slice(0, 118);
    for (let i = 0; i < 118; i++) header[10 + i] = h.charCodeAt(i);
    const blocks: Uint8Array[] = [new Uint8Array([0, 128, 0, 127, 255]), header];
    const zeros = new Uint8Array(5 + 65535);
    zeros.set([0, 0xff, 0xff, 0, 0]);
    const n = Math.ceil(declared / 1032 / 65535) + 1;
    for (let k = 0; k < n; k++) blocks.push(zeros);
    blocks.push(new Uint8Array([1, 0, 0, 0xff, 0xff]));
    const stream = concat(blocks);
    expect(stream.length * 1032).toBeGreaterThan(declared); // passes the ratio check
    const zip = concat(zipParts([{ name: 'big.npy', method: 8, crc: 0, uncompressedSize: declared, parts: [stream] }]));
    const before = process.memoryUsage().arrayBuffers;
    const e = inputError(() => parseNpz(zip, { file: 'big.npz' }));
    expect(e.key).toBe('big');
    expect(e.message).toMatch(/fewer bytes than declared/);
    // Memory follows the stream (a first buffer of 16 × its compressed size, plus the inflater's
    // short-lived 3 × input-step buffers not yet collected), never the 5 GB declared: < 32 × 4.9 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * stream.length);
  });

  it('an allocation the runtime refuses is an InputError naming file and key', () => {
    const e = inputError(() => allocateBytes(2 ** 53, { file: 'f.npz', key: 'k' }));
    expect(e.message).toMatch(/^f\.npz, key 'k': cannot hold this member in memory here/);
  });

  it('a declared size impossible for the compressed size (> 1032:1) is a lying header', () => {
    const zip = concat(zipParts([{ name: 'a.npy', method: 8, crc: 0, uncompressedSize: 5_000_000, parts: [new Uint8Array(100)] }]));
    expect(inputError(() => parseNpz(zip)).message).toMatch(/lying header/);
  });

  it('the size cap applies to the whole archive, not per member', () => {
    const a = encodeNpy(ndarray('u1', [6000], new Uint8Array(6000)));
    const mk = (method: 0 | 8): Uint8Array => {
      const parts: Uint8Array[] = [];
      if (method === 8) { const d = new Deflate({}, (c) => { parts.push(c); }); d.push(a, true); } else parts.push(a);
      return concat(zipParts(['x.npy', 'y.npy'].map((name) => ({ name, method, crc: crc32(a), uncompressedSize: a.length, parts }))));
    };
    for (const method of [0, 8] as const) {
      expect(Object.keys(parseNpz(mk(method), { maxBytes: 20_000 }))).toEqual(['x', 'y']);
      expect(inputError(() => parseNpz(mk(method), { maxBytes: 10_000 })).key).toBe('y');
    }
  });
});

function indexOf(hay: Uint8Array, s: string): number {
  const n = Array.from(s, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i < hay.length - n.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}
