import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpz, fromComplexArray, ndarray, type NdArray } from '@ptychojs/io';
import { Deflate } from 'fflate';
import { hasShared, runPtycho, runPtychoInProcess, SHARED, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

/**
 * A small valid scan in the SPEC §3 contract: M = 9 positions on a 3×3 grid, N = 64, amplitudes
 * 1 ± 0.02 that differ from pattern to pattern (about 4096 counts each).
 */
function smallScan(): Record<string, NdArray> {
  const M = 9, N = 64;
  const xs = new Float64Array(M), ys = new Float64Array(M);
  for (let k = 0; k < M; k++) { xs[k] = 40 + 5 * (k % 3); ys[k] = 40 + 5 * Math.floor(k / 3); }
  const diff = new Float32Array(M * N * N);
  for (let m = 0; m < M; m++) for (let p = 0; p < N * N; p++) diff[m * N * N + p] = 1 + 0.01 * ((((p >> 6) * 7 + (p & 63) * 3 + m) % 5) - 2);
  const probe = { shape: [N, N], re: new Float32Array(N * N).fill(1), im: new Float32Array(N * N) };
  return { xcoords: ndarray('f8', [M], xs), ycoords: ndarray('f8', [M], ys), diff3d: ndarray('f4', [M, N, N], diff), probeGuess: fromComplexArray(probe, 'c8') };
}

/** smallScan with its diffraction as uint16 counts (a bright 4×4 block of 50, one column further right in every third pattern, on a floor of 1). */
function countsScan(): Record<string, NdArray> {
  const a = smallScan();
  const d = new Uint16Array(9 * 64 * 64).fill(1);
  for (let m = 0; m < 9; m++) for (let i = 30; i < 34; i++) for (let j = 30; j < 34; j++) d[m * 4096 + i * 64 + j + (m % 3)] = 50;
  return { ...a, diff3d: ndarray('u2', [9, 64, 64], d) };
}

function write(name: string, bytes: Uint8Array): string {
  const p = path.join(tmp.dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe.skipIf(!hasShared)('ptycho inspect on the golden scan (needs ../shared/data)', () => {
  it('reports M = 529, N = 64, objectGuess and a sensible step and overlap', () => {
    const r = runPtycho(['inspect', path.join(SHARED, 'golden/smooth_object_scan.npz'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.valid).toBe(true);
    expect(s.M).toBe(529);
    expect(s.N).toBe(64);
    expect(s.objectGuess).toEqual([160, 160]);
    // The shared README: a jittered 4-px grid and 1e6 counts per pattern.
    expect(s.medianStep).toBeGreaterThan(2);
    expect(s.medianStep).toBeLessThan(5);
    expect(s.countsPerPattern.median).toBeGreaterThan(0.9e6);
    expect(s.countsPerPattern.median).toBeLessThan(1.1e6);
    expect(s.overlap).toBeGreaterThan(0.5);
    expect(r.stderr).toContain('M = 529');
  });
});

describe('ptycho inspect makes the check every command makes (issue 9)', () => {
  it('--json: warnings and problems as {code, message, file, key, expected, actual, fix}; the stored dtype; how the diffraction was read', async () => {
    const file = write('counts.npz', encodeNpz(countsScan()));
    const r = await runPtychoInProcess(['inspect', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.keys.find((k: { key: string }) => k.key === 'diff3d').dtype).toBe('uint16');
    expect(s.diffraction).toEqual({ kind: 'counts', stated: false, key: 'diff3d', storedDtype: 'uint16' });
    expect(s.warnings).toHaveLength(1);
    expect(Object.keys(s.warnings[0]).sort()).toEqual(['actual', 'code', 'expected', 'file', 'fix', 'key', 'message']);
    expect(s.warnings[0]).toMatchObject({ code: 'diffraction-read-as-counts', file, key: 'diff3d' });
    // Counts per pattern as counts: 16·50 + (4096 − 16)·1 = 4880 (read as float32 sqrt(counts), squared back: 1e-7 relative).
    for (const v of Object.values(s.countsPerPattern) as number[]) expect(v / 4880 - 1).toBeCloseTo(0, 7);
    expect(r.stderr).toContain(`warning: ${s.warnings[0].message} — ${s.warnings[0].fix}`);
    // What run --strict refuses, inspect --strict refuses: the same problem, exit 2, still one JSON document.
    const strict = await runPtychoInProcess(['inspect', file, '--json', '--strict']);
    expect(strict.code).toBe(2);
    const ss = JSON.parse(strict.stdout);
    expect(ss.valid).toBe(false);
    expect(ss.problems.map((p: { code: string }) => p.code)).toEqual(['diffraction-read-as-counts']);
    expect(strict.stderr).toMatch(/error: .*counts\.npz: 1 problem makes this scan unusable\n {2}- .*--diffraction counts/);
    const run = await runPtychoInProcess(['run', '--data', file, '--out', path.join(tmp.dir, 'strict-run'), '--strict', '--backend', 'cpu']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unusable for 'run'");
    expect(fs.existsSync(path.join(tmp.dir, 'strict-run'))).toBe(false);
  });

  it('--gridsize, --k and --nphotons change the verdict exactly as they would for run', async () => {
    const file = write('nine.npz', encodeNpz(smallScan()));
    const g4 = await runPtychoInProcess(['inspect', file, '--json', '--gridsize', '4', '--k', '15']);
    expect(g4.code).toBe(2);
    expect(JSON.parse(g4.stdout).problems.map((p: { code: string }) => p.code)).toEqual(['too-few-positions']);
    const k = await runPtychoInProcess(['inspect', file, '--json', '--gridsize', '3', '--k', '2']);
    expect(k.code).toBe(2); // K must cover C − 1 = 8 neighbours: the run configuration refuses it first
    expect(k.stderr).toMatch(/K/);
    // 4096 counts per pattern measured; a stated 1e6 is a dose far off.
    const dose = await runPtychoInProcess(['inspect', file, '--json', '--nphotons', '1e6']);
    expect(dose.code).toBe(0);
    expect(JSON.parse(dose.stdout).warnings.map((w: { code: string }) => w.code)).toEqual(['dose-mismatch']);
  });
});

describe('ptycho inspect on bad files exits 2 and names the problem', () => {
  it('accepts a valid small scan (exit 0)', () => {
    const r = runPtycho(['inspect', write('ok.npz', encodeNpz(smallScan()))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('valid: yes');
  });

  it('a truncated file', () => {
    const bytes = encodeNpz(smallScan());
    const r = runPtycho(['inspect', write('truncated.npz', bytes.subarray(0, Math.floor(bytes.length / 2)))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/truncated\.npz/);
  });

  it('a wrong-rank diff3d, listing the key, the expected and the actual shape', () => {
    const a = smallScan();
    a.diff3d = ndarray('f4', [9, 4096], new Float32Array(9 * 4096).fill(1));
    const r = runPtycho(['inspect', write('rank.npz', encodeNpz(a)), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/diff3d/);
    expect(r.stderr).toMatch(/\(9, 4096\)/);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
  });

  it('a NaN-bearing diff3d', () => {
    const a = smallScan();
    (a.diff3d!.data as Float32Array)[123] = Number.NaN;
    const r = runPtycho(['inspect', write('nan.npz', encodeNpz(a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/diff3d/);
    expect(r.stderr).toMatch(/NaN/i);
  });

  it('a lying header (shape larger than the payload)', () => {
    const a = smallScan();
    const bytes = encodeNpz({ ...a, xcoords: ndarray('f8', [9], new Float64Array(9)) });
    // Rewrite the xcoords header's shape (9,) → (99,) in place: same length, so the zip stays well-formed
    // apart from the member's CRC (stored members are not CRC-checked by default, so the size check must catch it).
    // Rewrite xcoords' header shape (9,) → (99,), eating one byte of header padding so every offset stays valid.
    const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    const at = text.indexOf("'shape': (9,), } ");
    expect(at).toBeGreaterThan(0);
    const lied = bytes.slice();
    for (const [i, ch] of [..."'shape': (99,), }"].entries()) lied[at + i] = ch.charCodeAt(0);
    const r = runPtycho(['inspect', write('liar.npz', lied)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xcoords/);
  });

  it('a zip bomb: exits 2 quickly with bounded memory', () => {
    // 64 MiB of zeros deflate to ~64 kB; the member claims to be a tiny array, so inflation must stop early.
    const header = new TextEncoder().encode("\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (9,), }" + ' '.repeat(118 - 69) + '\n');
    const chunks: Uint8Array[] = [];
    const d = new Deflate({ level: 9 }, (c) => chunks.push(c));
    d.push(header);
    const zeros = new Uint8Array(1 << 20);
    for (let i = 0; i < 64; i++) d.push(zeros);
    d.push(new Uint8Array(0), true);
    const deflated = concat(chunks);
    const npz = zipOneDeflated('xcoords.npy', deflated, 80 /* lie: declared uncompressed size */);
    const r = runPtycho(['inspect', write('bomb.npz', npz)], { maxOldSpaceMb: 256 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.npz/);
    expect(r.ms).toBeLessThan(20_000); // generous for a loaded 2-core CI machine; a full inflate is not what costs here
  });
});

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/** A one-member zip (method 8) with a chosen declared uncompressed size; CRC left 0. */
function zipOneDeflated(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const nm = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + nm.length), lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true); lv.setUint32(22, declaredSize, true); lv.setUint16(26, nm.length, true);
  local.set(nm, 30);
  const central = new Uint8Array(46 + nm.length), cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true); cv.setUint32(24, declaredSize, true); cv.setUint16(28, nm.length, true);
  central.set(nm, 46);
  const end = new Uint8Array(22), ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, 1, true); ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true); ev.setUint32(16, local.length + data.length, true);
  return concat([local, data, central, end]);
}
