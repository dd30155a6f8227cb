import { describe, expect, it } from 'vitest';
import { checkRawData } from './check-raw-data.js';
import { encodeNpy } from './encode-npy.js';
import { ndarray } from './ndarray.js';
import { parseNpy } from './parse-npy.js';
import type { NdArray } from './types.js';

/** A valid scan: M positions, N×N patterns of value v (C order). */
function scan(M = 3, N = 64, v = 1): Record<string, NdArray> {
  return {
    xcoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, i) => 40 + i)),
    ycoords: ndarray('f8', [M], Float64Array.from({ length: M }, (_, i) => 50 + i)),
    diff3d: ndarray('f4', [M, N, N], new Float32Array(M * N * N).fill(v)),
    probeGuess: ndarray('c8', [N, N], new Float32Array(2 * N * N).fill(0.5)),
  };
}

describe('checkRawData: what the issue-9 kinds need', () => {
  it('refuses zero positions instead of calling them valid', () => {
    const a = { ...scan(), xcoords: ndarray('f8', [0], new Float64Array(0)), ycoords: ndarray('f8', [0], new Float64Array(0)), diff3d: ndarray('f4', [0, 64, 64], new Float32Array(0)) };
    const c = checkRawData(a, 'z.npz');
    expect(c.raw).toBeUndefined();
    expect(c.problems).toEqual(["z.npz, key 'xcoords': no scan positions (M = 0); expected (M,) float with M ≥ 1; got (0,) float64"]);
  });

  it('refuses diff3d and diffraction that differ, naming both keys and the first difference', () => {
    const a = scan();
    const other = Float32Array.from(a.diff3d!.data as Float32Array);
    other[4096 + 65] = 2;
    const c = checkRawData({ ...a, diffraction: ndarray('f4', [3, 64, 64], other) }, 'b.npz');
    expect(c.raw).toBeUndefined();
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toBe("b.npz, key 'diffraction': ambiguous input: both 'diff3d' and 'diffraction' are present and differ; keep only the one you mean; "
      + "expected one of 'diff3d' or 'diffraction' (or two identical arrays); got 'diff3d' (3, 64, 64) float32 and 'diffraction' (3, 64, 64) float32, 1 value differ, first at (1, 1, 1): 1 vs 2");
  });

  it('accepts identical aliases with a note, and records which key it used', () => {
    const a = scan();
    const c = checkRawData({ ...a, diffraction: a.diff3d! }, 'i.npz');
    expect(c.problems).toEqual([]);
    expect(c.raw!.diffractionKey).toBe('diff3d');
    expect(c.notes).toContain("i.npz: both 'diff3d' and 'diffraction' are present with identical contents; using 'diff3d'");
    const { diff3d, ...noMain } = a;
    const only = checkRawData({ ...noMain, diffraction: diff3d! }, 'o.npz');
    expect(only.raw?.diffractionKey).toBe('diffraction');
  });

  it('notes dtypes converted on reading and keeps the stored names', () => {
    const a = scan();
    const big = parseNpy(encodeNpy(ndarray('f8', [3], Float64Array.from([40, 41, 42])), { bigEndian: true }));
    const c = checkRawData({ ...a, xcoords: big }, 'e.npz');
    expect(c.problems).toEqual([]);
    expect(c.raw!.storedDtypes!.xcoords).toBe('float64 (big-endian)');
    expect(c.notes).toContain("e.npz: 'xcoords' is stored as float64 (big-endian) ('>f8'); read as float64");
  });

  it('reads counts as sqrt(counts) on request, refusing negative counts', () => {
    const a = { ...scan(2), diff3d: ndarray('u2', [2, 64, 64], new Uint16Array(2 * 4096).fill(9)) };
    const c = checkRawData(a, 'c.npz', { diffraction: 'counts' });
    expect(c.raw!.diff3d[100]).toBe(3);
    expect(checkRawData(a, 'c.npz').raw!.diff3d[100]).toBe(9);
    const neg = { ...a, diff3d: ndarray('i4', [2, 64, 64], new Int32Array(2 * 4096).fill(-1)) };
    expect(checkRawData(neg, 'n.npz', { diffraction: 'counts' }).problems[0]).toMatch(/^n\.npz, key 'diff3d': 8192 negative counts/);
  });

  it('names a key that differs only in case, notes unused keys and M = N ambiguity', () => {
    const { probeGuess, ...rest } = scan();
    expect(checkRawData({ ...rest, ProbeGuess: probeGuess! }, 'k.npz').problems[0]).toMatch(/missing required key \(found 'ProbeGuess': keys are case-sensitive\)/);
    const c = checkRawData({ ...scan(64), extra: ndarray('f8', [1], new Float64Array(1)) }, 'm.npz');
    expect(c.problems).toEqual([]);
    expect(c.notes.some((n) => /could be \(M, N, N\) or \(N, N, M\) since M = N/.test(n))).toBe(true);
    expect(c.notes).toContain("m.npz: key not used (not in the SPEC §3 contract): 'extra'");
  });
});

describe('checkRawData: layouts and flagged pixels (issue 19), with messages that never contradict the shape', () => {
  const M = 3, N = 64;
  /** scan(M) with its diffraction stored (N, N, M): element (i, j, m) = m + 1 + (i·N + j)/1e4. */
  function nnm(): { arrays: Record<string, NdArray>; t: Float32Array } {
    const t = new Float32Array(M * N * N);
    for (let p = 0; p < N * N; p++) for (let m = 0; m < M; m++) t[p * M + m] = m + 1 + p / 1e4;
    return { arrays: { ...scan(M), diff3d: ndarray('f4', [N, N, M], t) }, t };
  }

  it('(N, N, M) with (M, 1) coordinates is read, with a note for each conversion', () => {
    const { arrays } = nnm();
    const col = (a: NdArray) => ndarray(a.dtype, [M, 1], a.data);
    const c = checkRawData({ ...arrays, xcoords: col(arrays.xcoords!), ycoords: col(arrays.ycoords!) }, 'c.npz');
    expect(c.problems).toEqual([]);
    expect(c.notes).toEqual([
      "c.npz: 'xcoords' stored as (3, 1) float64: read as (3,) (axes of length 1 dropped)",
      "c.npz: 'ycoords' stored as (3, 1) float64: read as (3,) (axes of length 1 dropped)",
      "c.npz: 'diff3d' stored as (N, N, M) = (64, 64, 3) float32: patterns on the last axis, transposed to (M, N, N)",
    ]);
    // pattern 2, pixel (1, 5) is element (1, 5, 2) of the file
    expect(c.raw!.diff3d[2 * N * N + 1 * N + 5]).toBe(Math.fround(3 + 69 / 1e4));
  });

  it('--layout: nnm says so; mnn refuses an (N, N, M) array naming the layout it is; an M mismatch names the axis', () => {
    const { arrays } = nnm();
    expect(checkRawData(arrays, 'l.npz', { layout: 'nnm' }).notes).toContain("l.npz: 'diff3d' stored as (N, N, M) = (64, 64, 3) float32 (--layout nnm): patterns on the last axis, transposed to (M, N, N)");
    expect(checkRawData(arrays, 'l.npz', { layout: 'mnn' }).problems).toEqual([
      "l.npz, key 'diff3d': not (M, N, N) as --layout mnn says; expected (M, N, N) with square N×N patterns; got (64, 64, 3) float32, which is (N, N, M): say --layout nnm (or leave --layout out)",
    ]);
    expect(checkRawData(scan(M), 'l.npz', { layout: 'nnm' }).problems).toEqual([
      "l.npz, key 'diff3d': not (N, N, M) as --layout nnm says; expected (N, N, M) with square N×N patterns; got (3, 64, 64) float32, which is (M, N, N): say --layout mnn (or leave --layout out)",
    ]);
    const four = { ...scan(4), diff3d: arrays.diff3d! };
    expect(checkRawData(four, 'l.npz').problems).toEqual(["l.npz, key 'diff3d': M mismatch between keys; expected (N, N, 4) with M from xcoords; got (64, 64, 3) float32: 3 patterns on the last axis"]);
    // a cube: read as (M, N, N) unless told
    const cube = checkRawData(scan(64), 'q.npz');
    expect(cube.notes.some((n) => n.includes('could be (M, N, N) or (N, N, M) since M = N; read as (M, N, N): say --layout nnm'))).toBe(true);
    expect(checkRawData(scan(64), 'q.npz', { layout: 'nnm' }).notes.some((n) => n.includes('(--layout nnm)'))).toBe(true);
  });

  it('NaN and negative values are located in the file\'s own axis order and named as lines when they fill them', () => {
    const { arrays, t } = nnm();
    t[(7 * N + 9) * M + 1] = Number.NaN; // file index (7, 9, 1): pattern 1
    expect(checkRawData(arrays, 'n.npz').problems).toEqual(["n.npz, key 'diff3d': 1 NaN/Inf value, first at index (7, 9, 1) (pattern 1); expected finite values; got 1 non-finite"]);
    const rows = scan(M);
    const d = rows.diff3d!.data as Float32Array;
    for (let m = 0; m < M; m++) d.fill(-1, m * N * N + 10 * N, m * N * N + 12 * N);
    expect(checkRawData(rows, 'r.npz').problems[0]).toMatch(/^r\.npz, key 'diff3d': 384 negative amplitudes: rows 10…11 in every pattern \(detector gaps or bad pixels marked -1\?\); expected amplitudes ≥ 0 \(sqrt of counts\); mask them: /);
  });
});
