import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRawData } from './check-raw-data.js';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';
import { stringArray } from './string-array.js';
import { toRawData } from './to-raw-data.js';
import type { NdArray } from './types.js';

const FIX = path.resolve(import.meta.dirname, '../test/fixtures');
const GOLDEN = path.resolve(import.meta.dirname, '../../../../shared/data/golden/smooth_object_scan.npz');
const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const readNpz = (name: string): Record<string, NdArray> => parseNpz(new Uint8Array(fs.readFileSync(path.join(FIX, name))), { file: name });
const problemsOf = (f: () => unknown): readonly string[] => {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(InputError); return (e as InputError).problems; }
  throw new Error('expected an InputError');
};

/** A valid in-memory scan: M positions, N×N patterns of value 1 (C order). */
function scan(M = 3, N = 64): Record<string, NdArray> {
  return {
    xcoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, i) => 40 + i)),
    ycoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, i) => 50 + i)),
    diff3d: ndarray('f4', [M, N, N], new Float32Array(M * N * N).fill(1)),
    probeGuess: ndarray('c8', [N, N], new Float32Array(2 * N * N).fill(0.5)),
  };
}

describe('toRawData accepts valid scans', () => {
  it('reads the numpy-written raw_scan.npz with every field', () => {
    const e = expected['raw_scan.npz']!;
    const raw = toRawData(readNpz('raw_scan.npz'), 'raw_scan.npz');
    expect([raw.M, raw.N]).toEqual([e.M, e.N]);
    expect(Array.from(raw.xcoords)).toEqual(e.xcoords);
    expect(Array.from(raw.ycoordsStart)).toEqual(e.ycoords);
    // float64 sums of the same 20 480 float32 values differ between summation orders by ~1e-12
    // relative (sum ≈ 1e4); 6 decimals still catches any missing or misread element (≥ 1).
    expect(raw.diff3d.reduce((s, v) => s + v, 0)).toBeCloseTo(e.diff3d_sum as number, 6);
    expect(raw.diff3d[2 * 4096 + 32 * 64 + 33]).toBe(e.diff3d_at_2_32_33);
    expect([raw.probeGuess.re[32 * 64 + 40], raw.probeGuess.im[32 * 64 + 40]]).toEqual(e.probe_at_32_40);
    expect(raw.objectGuess!.shape).toEqual([96, 96]);
    expect(raw.objectGuess!.re[0]).toBe(0.5);
    expect(Array.from(raw.scanIndex)).toEqual([0, 0, 0, 0, 0]);
    expect(raw.metadata).toEqual(e.metadata);
  });

  it('defaults the optional keys and shares float64/float32 buffers', () => {
    const a = scan();
    const raw = toRawData(a, 'mem');
    expect(raw.xcoordsStart).toBe(raw.xcoords);
    expect(raw.diff3d).toBe(a.diff3d!.data);
    expect(Array.from(raw.scanIndex)).toEqual([0, 0, 0]);
    expect(raw.objectGuess).toBeUndefined();
    expect(raw.metadata).toBeUndefined();
  });

  it('accepts `diffraction` as an alias and (N, N, M) stored transposed', () => {
    const M = 3, N = 64;
    const a = scan(M, N);
    const t = new Float32Array(M * N * N);
    // element (i, j, m) = 1000·m + 10·i + j (stored (N, N, M) in C order)
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let m = 0; m < M; m++) t[(i * N + j) * M + m] = 1000 * m + 10 * i + j;
    const { diff3d: _, ...rest } = a;
    const check = checkRawData({ ...rest, diffraction: ndarray('f4', [N, N, M], t) }, 'mem');
    expect(check.problems).toEqual([]);
    expect(check.notes[0]).toMatch(/transposed/);
    const d = check.raw!.diff3d;
    expect(d[2 * N * N + 5 * N + 7]).toBe(2000 + 50 + 7);
    expect(d[1 * N * N + 63 * N + 0]).toBe(1000 + 630);
  });
});

describe('toRawData reports every problem at once', () => {
  it('wrong-rank diff3d (numpy fixture)', () => {
    const p = problemsOf(() => toRawData(readNpz('bad_rank.npz'), 'bad_rank.npz'));
    expect(p).toEqual(["bad_rank.npz, key 'diff3d': wrong rank; expected (M, N, N) float amplitude; got (3, 64) float32"]);
  });

  it('NaN and negative amplitudes, with counts and first index (numpy fixture)', () => {
    const p = problemsOf(() => toRawData(readNpz('bad_nan.npz'), 'bad_nan.npz'));
    expect(p).toEqual([
      "bad_nan.npz, key 'diff3d': 1 NaN/Inf value, first at index (1, 5, 7); expected finite values; got 1 non-finite",
      "bad_nan.npz, key 'diff3d': 2 negative amplitudes, first at index (2, 0, 1) (-1); expected amplitudes ≥ 0 (sqrt of counts); got 2 negative",
    ]);
  });

  it('missing keys, M mismatch, unsupported N, non-square probe, bad metadata, NaN coordinates', () => {
    const a = scan(3, 32);
    const p = problemsOf(() => toRawData({
      xcoords: ndarray('f8', [3], Float64Array.from([1, Number.NaN, Infinity])),
      ycoords: ndarray('f8', [4], new Float64Array(4)),
      diff3d: a.diff3d!,
      probeGuess: ndarray('c8', [32, 31], new Float32Array(2 * 32 * 31)),
      scan_index: ndarray('f4', [3], new Float32Array(3)),
      _metadata: stringArray('{nphotons: 1e9}'),
    }, 'x.npz'));
    expect(p).toEqual([
      "x.npz, key 'xcoords': 2 NaN/Inf values, first at index (1); expected finite values; got 2 non-finite",
      "x.npz, key 'ycoords': M mismatch between keys; expected (3,) like xcoords; got (4,) float64",
      "x.npz, key 'diff3d': unsupported pattern size N; expected N in {64, 128, 256}; got N = 32 from (3, 32, 32) float32",
      "x.npz, key 'probeGuess': probe is not square; expected (N, N) complex with N = 32; got (32, 31) complex64",
      "x.npz, key 'scan_index': wrong dtype; expected (3,) int; got (3,) float32",
      expect.stringMatching(/^x\.npz, key '_metadata': invalid JSON: .*; expected a JSON object/),
    ]);
    expect(problemsOf(() => toRawData({}, 'empty.npz'))).toEqual([
      "empty.npz, key 'xcoords': missing required key; expected xcoords (M,) float; got absent",
      "empty.npz, key 'ycoords': missing required key; expected ycoords (M,) float; got absent",
      "empty.npz, key 'diff3d': missing required key (alias: diffraction); expected diff3d (M, N, N) float amplitude; got absent",
      "empty.npz, key 'probeGuess': missing required key; expected probeGuess (N, N) complex; got absent",
    ]);
  });

  it('a diffraction M that disagrees with the coordinates, and the thrown message lists all', () => {
    const a = { ...scan(3), diff3d: ndarray('f4', [5, 64, 64], new Float32Array(5 * 4096)) };
    try { toRawData(a, 'm.npz'); throw new Error('no throw'); } catch (e) {
      expect((e as InputError).problems).toEqual(["m.npz, key 'diff3d': M mismatch between keys; expected (3, N, N) with M from xcoords; got (5, 64, 64) float32"]);
      expect((e as InputError).message).toBe("m.npz: 1 problem in raw data:\n  " + (e as InputError).problems[0]);
    }
  });
});

describe.skipIf(!fs.existsSync(GOLDEN))('the golden scan (needs ../shared/data)', () => {
  it('smooth_object_scan.npz parses into RawData with M = 529, N = 64', () => {
    const raw = toRawData(parseNpz(new Uint8Array(fs.readFileSync(GOLDEN)), { file: GOLDEN }), GOLDEN);
    expect([raw.M, raw.N]).toEqual([529, 64]);
    expect(raw.diff3d.length).toBe(529 * 64 * 64);
    expect(raw.objectGuess!.shape).toEqual([160, 160]);
    // README: x, y positions on a jittered 4-px grid; the first is x = 34.14… (numpy print).
    expect(raw.xcoords[0]).toBeCloseTo(34.1418199, 7);
  });
});
