#!/usr/bin/env node
// Scans larger than memory (issue 19): write a stored NPZ of M frames (N×N float32) whose diffraction
// is at least `factor` × the memory budget, then measure `ptycho inspect --sample all` and
// `ptycho infer` on it under `--memory-budget`, each as a separate process under /usr/bin/time
// (peak RSS), next to baselines from the same run: a plain read of the file, and inference on a
// small scan with the same model (the model's own memory). Prints JSON.
// Usage: node bench/large-scan.mjs [budgetMiB=64] [factor=2]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'apps/cli/dist/main.js');
const budgetMiB = Number(process.argv[2] ?? 64), factor = Number(process.argv[3] ?? 2);
const N = 64, NN = N * N;
const M = Math.ceil((factor * budgetMiB * 2 ** 20) / (4 * NN) / 1024) * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-large-'));
const round = (v, d = 3) => Number(v.toPrecision(d));

/** A stored-member zip (PKZIP, data descriptors) of NPY members given as byte chunks, written as it goes. */
function writeNpz(file, members) {
  const fd = fs.openSync(file, 'w');
  let at = 0;
  const central = [];
  const put = (b) => { fs.writeSync(fd, b); at += b.length; };
  for (const { name, header, chunks, bytes } of members) {
    const nameB = Buffer.from(`${name}.npy`);
    const offset = at;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x8, 6); lh.writeUInt16LE(0, 8);
    lh.writeUInt16LE(nameB.length, 26);
    put(lh); put(nameB);
    let crc = zlib.crc32(header);
    put(header);
    for (const c of chunks()) { crc = zlib.crc32(c, crc); put(c); }
    const size = header.length + bytes;
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0); dd.writeUInt32LE(crc >>> 0, 4); dd.writeUInt32LE(size, 8); dd.writeUInt32LE(size, 12);
    put(dd);
    central.push({ nameB, crc: crc >>> 0, size, offset });
  }
  const cdStart = at;
  for (const c of central) {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(20, 6); h.writeUInt16LE(0x8, 8);
    h.writeUInt32LE(c.crc, 16); h.writeUInt32LE(c.size, 20); h.writeUInt32LE(c.size, 24); h.writeUInt16LE(c.nameB.length, 28);
    h.writeUInt32LE(c.offset, 42);
    put(h); put(c.nameB);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length, 8); end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(at - cdStart, 12); end.writeUInt32LE(cdStart, 16);
  put(end);
  fs.closeSync(fd);
}

/** NPY header of dtype descr and shape, padded to 64 bytes (numpy's). */
function npyHeader(descr, shape) {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const b = Buffer.alloc(total, 0x20);
  b.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  b.writeUInt16LE(total - 10, 8);
  b.write(dict, 10, 'latin1');
  b[total - 1] = 0x0a;
  return b;
}
const array = (name, descr, shape, data) => ({ name, header: npyHeader(descr, shape), bytes: data.byteLength, chunks: () => [Buffer.from(data.buffer, data.byteOffset, data.byteLength)] });

/** A raster scan, 3 px step, a Gaussian probe; frame m is a blob whose total varies slowly with m (no two frames alike). */
function scan(file, count) {
  const side = Math.ceil(Math.sqrt(count));
  const xs = new Float64Array(count), ys = new Float64Array(count);
  for (let k = 0; k < count; k++) { xs[k] = 40 + 3 * (k % side) + 0.25 * ((k * 7) % 4); ys[k] = 40 + 3 * Math.floor(k / side) + 0.25 * ((k * 3) % 4); }
  const probe = new Float32Array(2 * NN);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) probe[2 * (i * N + j)] = Math.exp(-((i - N / 2) ** 2 + (j - N / 2) ** 2) / (2 * 8 ** 2));
  const blob = new Float32Array(NN);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) blob[i * N + j] = 30 * Math.exp(-((i - N / 2) ** 2 + (j - N / 2) ** 2) / (2 * 5 ** 2));
  const CH = 1024;
  const diff = {
    name: 'diff3d', header: npyHeader('<f4', [count, N, N]), bytes: count * NN * 4,
    *chunks() {
      const buf = new Float32Array(CH * NN);
      for (let m0 = 0; m0 < count; m0 += CH) {
        const n = Math.min(CH, count - m0);
        for (let f = 0; f < n; f++) { const s = 1 + 0.2 * Math.sin((m0 + f) / 97); for (let p = 0; p < NN; p++) buf[f * NN + p] = s * blob[p] + ((p + m0 + f) % 3 === 0 ? 1 : 0); }
        yield Buffer.from(buf.buffer, 0, n * NN * 4);
      }
    },
  };
  writeNpz(file, [array('xcoords', '<f8', [count], xs), array('ycoords', '<f8', [count], ys), array('probeGuess', '<c8', [N, N], probe), diff]);
}

/** Run a command under /usr/bin/time: seconds and peak RSS (MiB). */
function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`ptycho ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  const [secs, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds: secs, peakRssMiB: round(kb / 1024, 4), stderr: r.stderr };
}

try {
  const big = path.join(dir, 'big.npz'), small = path.join(dir, 'small.npz');
  const t0 = performance.now();
  scan(big, M);
  const writeSeconds = (performance.now() - t0) / 1000;
  scan(small, 1024);
  const fileBytes = fs.statSync(big).size;
  // Baseline: a plain read of the file in 16 MiB pieces (what any reader must at least do), in this process.
  const plain = () => { const fd = fs.openSync(big, 'r'), b = Buffer.allocUnsafe(16 << 20); let n; let pos = 0; while ((n = fs.readSync(fd, b, 0, b.length, pos)) > 0) pos += n; fs.closeSync(fd); };
  plain();
  const p0 = performance.now(); plain(); plain(); const plainSeconds = (performance.now() - p0) / 2000;
  const budget = `${budgetMiB}M`;
  // The check's one pass over every frame, in this process (no start-up): what inspect and infer add to a read.
  const { checkScanFile } = await import('@ptychojs/pipeline/node');
  await checkScanFile(small, { command: 'inspect' });
  const c0 = performance.now();
  const check = await checkScanFile(big, { command: 'inspect' });
  const passSeconds = (performance.now() - c0) / 1000;
  if (check.problems.length > 0) throw new Error(`the bench scan is refused: ${check.problems[0].message}`);
  const version = timed(['--version']);
  const inspect = timed(['inspect', big, '--sample', 'all', '--memory-budget', budget, '--json', '--quiet']);
  const inspectSample = timed(['inspect', big, '--memory-budget', budget, '--json', '--quiet']);
  // A tiny model (1 epoch, f = 0.25, gridsize 1) trained on the small scan.
  const run = path.join(dir, 'model');
  execFileSync(process.execPath, [CLI, 'train', '--data', small, '--out', run, '--epochs', '1', '--filters-scale', '0.25', '--gridsize', '1', '--n-groups', '64', '--batch-size', '16', '--backend', 'wasm', '--workers', '1', '--quiet'], { stdio: 'ignore' });
  const infer = (data, out) => timed(['infer', '--model', run, '--data', data, '--out', path.join(dir, out), '--memory-budget', budget, '--backend', 'wasm', '--workers', '1', '--batch-size', '64', '--force', '--quiet']);
  const inferSmall = infer(small, 'small-out');
  const inferBig = infer(big, 'big-out');
  const rec = JSON.parse(fs.readFileSync(path.join(dir, 'big-out', 'reconstruction.json'), 'utf8'));
  const out = {
    budgetMiB, frames: M, N, diffractionMiB: round((M * NN * 4) / 2 ** 20, 4), fileMiB: round(fileBytes / 2 ** 20, 4), ratioScanToBudget: round((M * NN * 4) / (budgetMiB * 2 ** 20)),
    writeSeconds: round(writeSeconds), plainReadSeconds: round(plainSeconds), plainReadGBps: round(fileBytes / 1e9 / plainSeconds),
    checkPassInProcess: { seconds: round(passSeconds), MBps: round(fileBytes / 1e6 / passSeconds), ratioToPlainRead: round(passSeconds / plainSeconds) },
    cliStartSeconds: version.seconds,
    inspectAll: { seconds: inspect.seconds, peakRssMiB: inspect.peakRssMiB, ratioToPlainRead: round(inspect.seconds / plainSeconds), ratioToPlainReadWithoutStart: round((inspect.seconds - version.seconds) / plainSeconds) },
    inspectSample: { seconds: inspectSample.seconds, peakRssMiB: inspectSample.peakRssMiB },
    inferSmallScan: { frames: 1024, seconds: inferSmall.seconds, peakRssMiB: inferSmall.peakRssMiB },
    inferLargeScan: {
      seconds: inferBig.seconds, peakRssMiB: inferBig.peakRssMiB, groups: rec.groups, groupsPerSec: round(rec.groups / rec.seconds.inference),
      peakRssOverSmallScanMiB: round(inferBig.peakRssMiB - inferSmall.peakRssMiB), withinBudgetPlusModel: inferBig.peakRssMiB <= inferSmall.peakRssMiB + budgetMiB,
    },
    targets: 'inspect ≤ 1.5× a plain read; infer peak RSS ≤ the small scan\'s peak (the model) + the budget; no out-of-memory',
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
