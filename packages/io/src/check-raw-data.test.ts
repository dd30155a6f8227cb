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
