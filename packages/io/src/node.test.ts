import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { loadRawData, readNpzFile, writeFileAtomic, writeJsonAtomic, writeNpzFile } from './node.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-io-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('readNpzFile / loadRawData', () => {
  it('read fixtures from disk', () => {
    expect(Object.keys(readNpzFile(path.join(FIX, 'stored.npz'))).sort()).toEqual(['a', 'b', 'c', 'group/d', 's']);
    const raw = loadRawData(path.join(FIX, 'raw_scan.npz'));
    expect([raw.M, raw.N, raw.source]).toEqual([5, 64, path.join(FIX, 'raw_scan.npz')]);
  });

  it('read each member into its own buffer, so payloads are aligned zero-copy views', () => {
    const arrays = readNpzFile(path.join(FIX, 'stored.npz'));
    const a = arrays.a!; // f8 (2, 3, 4) written by numpy: 128-byte header, then 192 bytes
    expect(a.data.byteOffset).toBe(128);
    expect(a.data.buffer.byteLength).toBe(128 + 192);
    expect(Array.from(a.data as Float64Array)).toEqual(Array.from({ length: 24 }, (_, k) => 0.5 * k - 3));
    expect(Object.keys(readNpzFile(path.join(FIX, 'deflated.npz'), { keys: ['s'] }))).toEqual(['s']);
  });

  it('turn missing files and directories into InputErrors naming the path', () => {
    const missing = path.join(tmp, 'nope.npz');
    expect(() => loadRawData(missing)).toThrow(InputError);
    expect(() => loadRawData(missing)).toThrow(`${missing}: cannot read: no such file (ENOENT)`);
    expect(() => readNpzFile(tmp)).toThrow(`${tmp}: is a directory, expected a file`);
    expect(() => readNpzFile(path.join(FIX, 'truncated.npz'))).toThrow(/truncated\.npz: not a readable NPZ archive/);
    try { loadRawData(path.join(FIX, 'bad_nan.npz')); } catch (e) { expect((e as InputError).problems).toHaveLength(2); }
  });
});

describe('atomic writers', () => {
  const leftovers = (): string[] => fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'));

  it('writeNpzFile writes an archive that reads back, leaving no temp file', () => {
    const p = path.join(tmp, 'out.npz');
    const a = { x: ndarray('f4', [2, 2], Float32Array.from([1, 2, 3, 4])) };
    for (const compress of [false, true]) {
      writeNpzFile(p, a, { compress });
      expect(readNpzFile(p).x!.data).toEqual(a.x.data);
    }
    expect(leftovers()).toEqual([]);
  });

  it('writeJsonAtomic writes pretty JSON with a trailing newline, replacing the old file', () => {
    const p = path.join(tmp, 'h.json');
    writeJsonAtomic(p, { a: 1 });
    writeJsonAtomic(p, { a: [1, 2], b: 'x' });
    expect(fs.readFileSync(p, 'utf8')).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": "x"\n}\n');
    expect(() => writeJsonAtomic(p, undefined)).toThrow(TypeError);
  });

  it('a failed write leaves the old file intact and no temp file', () => {
    const p = path.join(tmp, 'keep.bin');
    writeFileAtomic(p, 'old contents');
    // The second piece is not bytes: the write fails after the first piece reached the temp file.
    expect(() => writeFileAtomic(p, [new Uint8Array(1000).fill(1), { length: 10 } as unknown as Uint8Array])).toThrow();
    expect(fs.readFileSync(p, 'utf8')).toBe('old contents');
    expect(leftovers()).toEqual([]);
    // Unwritable destination (missing directory): fails, creates nothing.
    expect(() => writeFileAtomic(path.join(tmp, 'missing-dir', 'f'), 'x')).toThrow(/ENOENT/);
    expect(fs.existsSync(path.join(tmp, 'missing-dir'))).toBe(false);
  });
});
