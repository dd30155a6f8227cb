// No command leaves a half-written output (issue 9, SPEC §1): writes interrupted at random points —
// a full disk injected into the file system at a seeded-random write, and the built CLI killed
// (SIGKILL) at random moments while it writes a run — leave every output file whole (or absent),
// never touch the inputs, and the run finished afterwards has no partial file beside it. An
// unwritable or full output folder is exit 2 naming the path.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decode } from 'fast-png';
import { readNpzFile } from '@ptychojs/io/node';
import { CASES, CLI, hasCases, runPtycho, runPtychoInProcess, tempDir } from './run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const TINY = ['--epochs', '1', '--filters-scale', '0.25', '--batch-size', '8', '--n-groups', '8', '--gridsize', '1', '--backend', 'wasm', '--nphotons', '1e4'];
const TEMP = /^\..+\.\d+\.[a-z0-9]+\.tmp$/;
const realWriteSync = fs.writeSync.bind(fs) as typeof fs.writeSync;

/** Seeded uniform numbers in [0, 1) (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** Temporary files and directories (writers' and the checkpoint store's) under `dir`. */
function leftovers(dir: string): string[] {
  return files(dir).filter((f) => f.split(path.sep).some((part) => TEMP.test(part) || /\.(tmp|old)$/.test(part)));
}

/**
 * Every output under `dir` with its final name is whole: JSON parses, NPZ reads, PNG decodes, HTML
 * ends, every weight shard a model.json lists exists with the bytes its manifest declares.
 * Temporary files are skipped: they are the writes that were cut.
 */
function expectWhole(dir: string, when: string): void {
  for (const f of files(dir).filter((f) => !leftovers(dir).includes(f))) {
    const p = path.join(dir, f);
    const what = `${f} (${when})`;
    if (f.endsWith('.json')) expect(() => JSON.parse(fs.readFileSync(p, 'utf8')), what).not.toThrow();
    if (f.endsWith('.npz')) expect(() => readNpzFile(p), what).not.toThrow();
    if (f.endsWith('.png')) expect(decode(fs.readFileSync(p)).width, what).toBeGreaterThan(0);
    if (f.endsWith('.html')) expect(fs.readFileSync(p, 'utf8').trimEnd().endsWith('</html>'), what).toBe(true);
    if (path.basename(f) === 'model.json') {
      const m = JSON.parse(fs.readFileSync(p, 'utf8')) as { weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[] };
      const bytes = m.weightsManifest.flatMap((g) => g.weights).reduce((s, w) => s + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
      const shards = m.weightsManifest.flatMap((g) => g.paths).map((s) => path.join(path.dirname(p), s));
      expect(shards.reduce((s, shard) => s + fs.statSync(shard).size, 0), what).toBe(bytes);
    }
  }
}

const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

/** Run `args` in process with the disk "full" at write call `failAt` (1-based): every call from there on fails. */
async function withFullDiskAt(failAt: number, args: string[]) {
  let k = 0;
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation((...a: Parameters<typeof fs.writeSync>) => {
    if (++k >= failAt) throw ENOSPC();
    return realWriteSync(...a);
  });
  try {
    return await runPtychoInProcess(args);
  } finally {
    spy.mockRestore();
  }
}

describe('a full disk (ENOSPC injected into the file system)', () => {
  it('simulate, failed at each of its writes in turn: exit 2 naming --out, the earlier file and the input untouched, no temp file', async () => {
    const input = path.join(tmp.dir, 'positions.npz');
    expect((await runPtychoInProcess(['simulate', '--out', input, '--scan', 'grid', '--step', '12', '--object-size', '100', '--quiet'])).code).toBe(0);
    const inputBytes = fs.readFileSync(input);
    const target = path.join(tmp.dir, 'sim', 'out.npz');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, 'an earlier result');
    const args = ['simulate', '--out', target, '--scan', `from:${input}`, '--object-size', '100', '--quiet', '--seed', '1'];
    const count = vi.spyOn(fs, 'writeSync');
    expect((await runPtychoInProcess(args)).code).toBe(0);
    const calls = count.mock.calls.length;
    count.mockRestore();
    expect(calls).toBeGreaterThan(3); // header, payload and directory pieces of the NPZ
    fs.writeFileSync(target, 'an earlier result');
    for (let failAt = 1; failAt <= calls; failAt++) {
      const r = await withFullDiskAt(failAt, args);
      expect(r.code, `write ${failAt}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`error: ${target}: cannot write: no space left on device (ENOSPC)`);
      expect(fs.readFileSync(target, 'utf8')).toBe('an earlier result');
      expect(fs.readdirSync(path.dirname(target))).toEqual(['out.npz']);
      expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
    }
  });

  it.skipIf(!hasCases)('run, failed at a random write: exit 2 naming the file, outputs whole, input untouched; run again, it finishes with no partial file (needs ../shared/cases)', async () => {
    const data = path.join(CASES, '00_base.npz');
    const before = fs.readFileSync(data);
    const count = vi.spyOn(fs, 'writeSync');
    const full = await runPtychoInProcess(['run', '--data', data, '--out', path.join(tmp.dir, 'counted'), ...TINY]);
    const calls = count.mock.calls.length;
    count.mockRestore();
    expect(full.code, full.stderr).toBe(0);
    const out = path.join(tmp.dir, 'full-disk');
    const failAt = 1 + Math.floor(rng(9)() * calls);
    const r = await withFullDiskAt(failAt, ['run', '--data', data, '--out', out, ...TINY]);
    expect(r.code, `${calls} writes, failed from ${failAt}: ${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+: cannot write: no space left on device \\(ENOSPC\\)(; .*)?$`, 'm'));
    expect(r.stderr).not.toContain('internal error');
    expectWhole(out, `disk full from write ${failAt} of ${calls}`);
    expect(leftovers(out).filter((f) => TEMP.test(path.basename(f)))).toEqual([]);
    expect(fs.readFileSync(data).equals(before)).toBe(true);
    const again = await runPtychoInProcess(['run', '--data', data, '--out', out, ...TINY]);
    expect(again.code, again.stderr).toBe(0);
    expectWhole(out, 'finished');
    expect(leftovers(out)).toEqual([]);
    expect(files(out)).toEqual(files(path.join(tmp.dir, 'counted')));
  });
});

describe('an unwritable output folder', () => {
  it('exits 2 naming the folder, at once (Node\'s recursive mkdir would spin forever under /proc), writing nothing', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'a-file'), 'x');
    const cases = [['/proc/ptycho-cannot/sim.npz', 'ENOENT'], [path.join(tmp.dir, 'a-file', 'sim.npz'), 'EEXIST'], [path.join(tmp.dir, 'a-file', 'sub', 'sim.npz'), 'ENOTDIR']] as const;
    for (const [out, code] of cases) {
      // A process of its own under /proc, with a timeout: a hang there must fail this test, not stall the suite.
      const r = out.startsWith('/proc') ? runPtycho(['simulate', '--out', out, '--object-size', '100', '--quiet'], { timeoutMs: 60_000 })
        : await runPtychoInProcess(['simulate', '--out', out, '--object-size', '100', '--quiet']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(path.dirname(out));
      expect(r.stderr).toContain(`(${code})`);
      expect(r.stderr).not.toContain('internal error');
    }
    expect(fs.readFileSync(path.join(tmp.dir, 'a-file'), 'utf8')).toBe('x');
  });

  it.skipIf(!hasCases)('run: --out a file, and --out under /proc, exit 2 naming it before any work (needs ../shared/cases)', async () => {
    const file = path.join(tmp.dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    for (const out of [file, '/proc/ptycho-cannot']) {
      const r = await runPtychoInProcess(['run', '--data', path.join(CASES, '00_base.npz'), '--out', out, ...TINY]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: ${out}: cannot create the directory`, 'm'));
      expect(r.stderr).not.toMatch(/^epoch/m); // refused before training
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });
});

describe.skipIf(!hasCases)('the built CLI killed at random moments while it writes a run (needs ../shared/cases)', () => {
  it('every output left is whole, the input untouched; resumed, the run finishes with no partial file beside it', async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build the CLI first`);
    const data = path.join(CASES, '00_base.npz');
    const before = fs.readFileSync(data);
    const out = path.join(tmp.dir, 'killed');
    const random = rng(7);
    // Each kill lands a random 0–200 ms after a line announcing writes: the end of the epoch
    // (checkpoint, model, probe, history, loss, config), of inference (reconstruction files), of scoring (metrics, report, summary).
    for (const marker of [/^epoch 1: loss/m, /^infer 100%/m, /^metrics vs objectGuess/m]) {
      const delay = Math.floor(200 * random());
      const child = spawn(process.execPath, [CLI, 'run', '--data', data, '--out', out, ...TINY], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      child.stderr.on('data', (c: Buffer) => {
        const had = marker.test(stderr);
        stderr += c.toString();
        if (!had && marker.test(stderr)) setTimeout(() => child.kill('SIGKILL'), delay);
      });
      const end = await exited;
      const when = `killed ${delay} ms after ${marker} (${end.signal ?? `exit ${end.code}`})`;
      expect(end.signal === 'SIGKILL' || end.code === 0, `${when}: ${stderr}`).toBe(true);
      expectWhole(out, when);
      expect(fs.readFileSync(data).equals(before)).toBe(true);
      if (end.code === 0) break; // finished before the kill landed
    }
    // Finished unless the last kill landed first: then the same command resumes it.
    if (!fs.existsSync(path.join(out, 'summary.json'))) {
      const r = runPtycho(['run', '--data', data, '--out', out, ...TINY], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
    }
    expectWhole(out, 'finished');
    expect(leftovers(out)).toEqual([]);
    for (const f of ['summary.json', 'report.html', 'recon/reconstruction.npz', 'recon/metrics.json', 'train/config.json', 'train/model/model.json']) expect(files(out), f).toContain(f);
    expect(fs.readFileSync(data).equals(before)).toBe(true);
  });
});
