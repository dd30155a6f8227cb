import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz } from '../encode-npz.js';
import { ndarray } from '../ndarray.js';
import { toFloat64Array } from '../to-float64-array.js';
import { readNpzFile } from './read-npz-file.js';
import { uniformNpzMember } from './uniform-npz-member.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-uniform-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => { const p = path.join(dir, name); fs.writeFileSync(p, bytes); return p; };
const xs = ndarray('f8', [3], Float64Array.from([1, 2, 3]));

describe('uniformNpzMember', () => {
  for (const compress of [false, true]) {
    const how = compress ? 'deflated' : 'stored';
    it(`${how}: an all-zero member holds one value, 0; the value of a constant one is decoded from its dtype`, async () => {
      const zeros = write(`z-${how}.npz`, encodeNpz({ xcoords: xs, diff3d: ndarray('f4', [3, 64, 64], new Float32Array(3 * 4096)) }, { compress }));
      const z = await uniformNpzMember(zeros, 'diff3d');
      expect(z).toMatchObject({ key: 'diff3d', keys: ['xcoords', 'diff3d'], shape: [3, 64, 64], storedDescr: '<f4', deflated: compress, payloadBytes: 3 * 4096 * 4, scannedBytes: 3 * 4096 * 4 });
      expect(Array.from(toFloat64Array(z!.uniform!))).toEqual([0]);
      const big = write(`c-${how}.npz`, encodeNpz({ diff3d: ndarray('u2', [2, 64, 64], new Uint16Array(2 * 4096).fill(65535)) }, { compress }));
      const c = await uniformNpzMember(big, 'diff3d');
      expect(c!.uniform).toMatchObject({ dtype: 'u2', shape: [1] });
      expect(Array.from(toFloat64Array(c!.uniform!))).toEqual([65535]);
    });

    it(`${how}: stops at the first chunk holding another value, and is undefined for absent or small members`, async () => {
      const d = new Float32Array(64 * 4096);
      d[5000] = 1;
      const file = write(`v-${how}.npz`, encodeNpz({ diff3d: ndarray('f4', [64, 64, 64], d) }, { compress }));
      const r = await uniformNpzMember(file, 'diff3d', { chunkBytes: 64 * 1024 });
      expect(r!.uniform).toBeUndefined();
      // The difference is at byte 20 000 of 1 MiB: the scan ends within the first stored chunk
      // (64 KiB) or the first zlib chunk (1 MiB output at most) — not at the end.
      expect(r!.scannedBytes).toBeLessThan(r!.payloadBytes);
      expect(await uniformNpzMember(file, 'missing')).toBeUndefined();
      expect(await uniformNpzMember(file, 'diff3d', { minBytes: r!.payloadBytes + 1000 })).toBeUndefined();
    });
  }

  it('reads a deflated member larger than the whole-array reader is allowed, in bounded pieces', async () => {
    // 64 MiB of float32 zeros deflated to ~64 kB; readNpzFile with a 16 MiB cap refuses it, the stream does not need the cap.
    const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (4096, 64, 64), }";
    const dict = header + ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
    const npyHead = Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 255, dict.length >> 8]), Buffer.from(dict, 'latin1')]);
    const payload = 4096 * 64 * 64 * 4;
    const deflate = zlib.createDeflateRaw({ level: 1 });
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c));
    const done = new Promise((r) => deflate.on('end', r));
    deflate.write(npyHead);
    const zero = Buffer.alloc(1 << 20);
    for (let o = 0; o < payload; o += zero.length) deflate.write(zero);
    deflate.end();
    await done;
    const file = write('big.npz', zipOne('diff3d.npy', Buffer.concat(parts), npyHead.length + payload));
    expect(() => readNpzFile(file, { maxBytes: 16 << 20 })).toThrow(/size cap/);
    const r = await uniformNpzMember(file, 'diff3d');
    expect(r).toMatchObject({ shape: [4096, 64, 64], deflated: true, payloadBytes: payload, scannedBytes: payload });
    expect(Array.from(toFloat64Array(r!.uniform!))).toEqual([0]);
  });

  it('refuses a member that inflates past its declared size (zip bomb), naming file and key', async () => {
    const npy = encodeNpz({ diff3d: ndarray('f4', [2, 64, 64], new Float32Array(2 * 4096)) }, { compress: true });
    const raw = readMember(npy);
    const file = write('liar.npz', zipOne('diff3d.npy', raw.data, raw.declared - 100));
    await expect(uniformNpzMember(file, 'diff3d')).rejects.toThrow(/liar\.npz, key 'diff3d'/);
  });
});

/** The deflated bytes and declared size of the single member of an encodeNpz archive. */
function readMember(zip: Uint8Array): { data: Uint8Array; declared: number } {
  const dv = new DataView(zip.buffer, zip.byteOffset);
  const compressed = dv.getUint32(18, true), declared = dv.getUint32(22, true);
  const start = 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
  return { data: zip.subarray(start, start + compressed), declared };
}

/** A one-member zip (method 8, ZIP64 sizes when needed is not required here: < 4 GiB), CRC 0. */
function zipOne(name: string, data: Uint8Array, declared: number): Uint8Array {
  const nm = Buffer.from(name);
  const local = Buffer.alloc(30 + nm.length);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(nm.length, 26); nm.copy(local, 30);
  const central = Buffer.alloc(46 + nm.length);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(nm.length, 28); nm.copy(central, 46);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12); end.writeUInt32LE(local.length + data.length, 16);
  return Buffer.concat([local, data, central, end]);
}
