#!/usr/bin/env node
// A degenerate huge scan (issue 19): `diff3d` 262,144 × 64 × 64 float32 of zeros (4 GiB) stored
// deflated (ZIP64) in an 8 MB NPZ. `ptycho inspect` must refuse it in seconds with bounded memory.
//   node bench/degenerate.mjs [frames=262144]
// Measures, in the same run: the bare cost of inflating the member once with zlib (discarding the
// output) and `ptycho inspect` in a process of its own (wall time, peak RSS, exit code, problem).
// JSON on stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { encodeNpy, ndarray } from '@ptychojs/io';

const M = Number(process.argv[2] ?? 262_144), N = 64;
const r3 = (x) => Number(x.toPrecision(3));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptychojs-bench-degenerate-'));
const file = path.join(dir, 'zeros.npz');

/** The NPY preamble (format 1.0) of a C-ordered array. */
function npyHeader(descr, shape) {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  dict += ' '.repeat(63 - ((10 + dict.length) % 64)) + '\n';
  return Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, dict.length & 255, dict.length >> 8]), Buffer.from(dict, 'latin1')]);
}

/** Deflate `header` followed by `payload` zero bytes, streaming: the compressed bytes and the CRC-32 of the whole. */
async function deflateZeros(header, payload) {
  const d = zlib.createDeflateRaw({ level: 6 });
  const parts = [];
  d.on('data', (c) => parts.push(c));
  const done = new Promise((r) => d.on('end', r));
  let crc = zlib.crc32(header);
  d.write(header);
  const zero = Buffer.alloc(1 << 22);
  for (let o = 0; o < payload; o += zero.length) {
    const c = zero.subarray(0, Math.min(zero.length, payload - o));
    crc = zlib.crc32(c, crc);
    if (!d.write(c)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return { data: Buffer.concat(parts), crc, size: header.length + payload };
}

/** A zip of stored members and one deflated member that may need ZIP64 sizes. */
function writeZip(out, members) {
  const fd = fs.openSync(out, 'w');
  const central = [];
  let offset = 0;
  const put = (b) => { fs.writeSync(fd, b); offset += b.length; };
  for (const m of members) {
    const name = Buffer.from(`${m.name}.npy`);
    const z64 = m.size >= 0xffffffff || m.data.length >= 0xffffffff;
    const extra = z64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (z64) { extra.writeUInt16LE(1, 0); extra.writeUInt16LE(16, 2); extra.writeBigUInt64LE(BigInt(m.size), 4); extra.writeBigUInt64LE(BigInt(m.data.length), 12); }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(z64 ? 45 : 20, 4); local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.crc >>> 0, 14); local.writeUInt32LE(z64 ? 0xffffffff : m.data.length, 18); local.writeUInt32LE(z64 ? 0xffffffff : m.size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(extra.length, 28);
    const at = offset;
    put(local); put(name); put(extra); put(m.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(z64 ? 45 : 20, 4); c.writeUInt16LE(z64 ? 45 : 20, 6); c.writeUInt16LE(m.method, 10);
    c.writeUInt32LE(m.crc >>> 0, 16); c.writeUInt32LE(z64 ? 0xffffffff : m.data.length, 20); c.writeUInt32LE(z64 ? 0xffffffff : m.size, 24);
    c.writeUInt16LE(name.length, 28); c.writeUInt16LE(extra.length, 30); c.writeUInt32LE(at, 42);
    central.push(Buffer.concat([c, name, extra]));
  }
  const cd = Buffer.concat(central), cdAt = offset;
  put(cd);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(members.length, 8); end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(cdAt, 16);
  put(end);
  fs.closeSync(fd);
}

try {
  const stored = (name, a) => { const b = Buffer.from(encodeNpy(a)); return { name, method: 0, data: b, size: b.length, crc: zlib.crc32(b) }; };
  const xs = Float64Array.from({ length: M }, (_, k) => 34 + (k % 512) * 0.06), ys = Float64Array.from({ length: M }, (_, k) => 34 + Math.floor(k / 512) * 0.06);
  const probe = new Float32Array(2 * N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) probe[2 * (i * N + j)] = Math.exp(-((i - N / 2) ** 2 + (j - N / 2) ** 2) / 200);
  const t0 = performance.now();
  const big = await deflateZeros(npyHeader('<f4', [M, N, N]), M * N * N * 4);
  writeZip(file, [stored('xcoords', ndarray('f8', [M], xs)), stored('ycoords', ndarray('f8', [M], ys)), { name: 'diff3d', method: 8, ...big }, stored('probeGuess', ndarray('c8', [N, N], probe))]);
  process.stderr.write(`bench degenerate: wrote ${file} (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, diff3d ${M}×${N}×${N} float32 zeros) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  // Baseline: inflate the member once, discarding the output (what any streaming reader must pay).
  const t1 = performance.now();
  await new Promise((resolve, reject) => {
    const inf = zlib.createInflateRaw({ chunkSize: 1 << 20 });
    inf.on('data', () => {}); inf.on('end', resolve); inf.on('error', reject);
    inf.end(big.data);
  });
  const inflateS = (performance.now() - t1) / 1000;

  const cli = path.join(import.meta.dirname, '..', 'apps/cli/dist/main.js');
  const probeScript = `const { runCli } = await import(${JSON.stringify(new URL(`file://${cli}`).href)});
    const t = performance.now(); const code = await runCli(['inspect', ${JSON.stringify(file)}, '--json', '--quiet']);
    process.stderr.write('\\n' + JSON.stringify({ code, seconds: (performance.now() - t) / 1000, maxRssKiB: process.resourceUsage().maxRSS }) + '\\n');`;
  // exit 2 is the expected outcome
  const { stdout, stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', probeScript], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const measured = JSON.parse((stderr || '').trim().split('\n').at(-1) || '{}');
  const summary = JSON.parse(stdout);
  process.stdout.write(`${JSON.stringify({
    case: `diff3d ${M}×${N}×${N} float32 zeros (${r3((M * N * N * 4) / 2 ** 30)} GiB), deflated`, fileMB: r3(fs.statSync(file).size / 2 ** 20),
    inflateOnlySeconds: r3(inflateS), inspectSeconds: r3(measured.seconds), ratioInspectToInflate: r3(measured.seconds / inflateS),
    inspectPeakRssMiB: r3(measured.maxRssKiB / 1024), exitCode: measured.code, problem: summary.problems?.[0]?.code,
    target: 'refused (exit 2) in seconds, peak memory far below the 4 GiB the array would take',
  })}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
