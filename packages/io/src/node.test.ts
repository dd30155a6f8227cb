import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { loadRawData, readNpzFile, removeStaleTempFiles, writeFileAtomic, writeJsonAtomic, writeNpzFile } from './node.js';
import { parseTempName, tempPathFor } from './node/temp-name.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-io-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
/** The real write, for mocks that fail only some calls. */
const realWriteSync = fs.writeSync.bind(fs) as typeof fs.writeSync;

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

  it('a full disk (ENOSPC injected at every write call in turn) names the target and leaves the old file and no temp file', () => {
    const p = path.join(tmp, 'full.npz');
    writeFileAtomic(p, 'old');
    const arrays = { a: ndarray('f4', [300], new Float32Array(300).fill(2)), b: ndarray('f8', [7], new Float64Array(7).fill(3)) };
    // writeNpzFile streams several pieces (headers, payloads, central directory): fail each one.
    const count = vi.spyOn(fs, 'writeSync');
    writeNpzFile(path.join(tmp, 'count.npz'), arrays);
    const calls = count.mock.calls.length;
    count.mockRestore();
    expect(calls).toBeGreaterThan(3);
    for (let failAt = 1; failAt <= calls; failAt++) {
      let k = 0;
      const spy = vi.spyOn(fs, 'writeSync').mockImplementation((...args: Parameters<typeof fs.writeSync>) => {
        if (++k === failAt) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
        return realWriteSync(...args);
      });
      try {
        let caught: NodeJS.ErrnoException | undefined;
        try { writeNpzFile(p, arrays); } catch (e) { caught = e as NodeJS.ErrnoException; }
        expect(caught?.code, `fail at write ${failAt}`).toBe('ENOSPC');
        expect(caught?.path).toBe(p);
      } finally {
        spy.mockRestore();
      }
      expect(fs.readFileSync(p, 'utf8')).toBe('old');
      expect(leftovers()).toEqual([]);
    }
  });
});


describe('removeStaleTempFiles', () => {
  it("removes the temporary files of writers that are gone, keeps this process's, live processes' and every other file", () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'stale-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // exited: its PID names no live process (until reused)
    const names = {
      dead: `.recon.npz.${dead}.k3j2h1g0.tmp`, mine: `.recon.npz.${process.pid}.abc.tmp`, live: `.recon.npz.${process.ppid}.abc.tmp`,
      other: 'notes.tmp', final: 'recon.npz',
    };
    for (const n of Object.values(names)) fs.writeFileSync(path.join(dir, n), 'x');
    expect(removeStaleTempFiles(dir)).toEqual([path.join(dir, names.dead)]);
    expect(fs.readdirSync(dir).sort()).toEqual([names.mine, names.live, names.other, names.final].sort());
    expect(removeStaleTempFiles(path.join(dir, 'missing'))).toEqual([]);
  });

  it('recognises the temporary files writeFileAtomic makes, whoever made them', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'named-'));
    const ours = tempPathFor(path.join(dir, 'out.json'));
    expect(parseTempName(path.basename(ours))).toEqual({ target: 'out.json', pid: process.pid });
    // The same name written by a process that is gone (a write killed before its rename).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const theirs = path.join(dir, path.basename(ours).replace(`.${process.pid}.`, `.${dead}.`));
    fs.writeFileSync(theirs, '{"trunc');
    fs.writeFileSync(ours, '{');
    expect(removeStaleTempFiles(dir)).toEqual([theirs]);
    expect(fs.readdirSync(dir)).toEqual([path.basename(ours)]);
  });
});
