import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRawData } from './check-raw-data.js';
import { encodeNpz } from './encode-npz.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';
import { createRng } from './random.js';
import type { NdArray } from './types.js';

const N = 64;

/** A valid raw scan (SPEC §3) from a few drawn numbers; bulk values come from a seeded RNG. */
const validScan = fc.record({
  M: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer(),
  object: fc.boolean(),
  starts: fc.boolean(),
  transposed: fc.boolean(),
  alias: fc.constantFrom('diff3d', 'diffraction', 'both'),
}).map(({ M, seed, object, starts, transposed, alias }) => {
  const rng = createRng(seed);
  const xs = Float64Array.from({ length: M }, () => 32 + 60 * rng.next());
  const ys = Float64Array.from({ length: M }, () => 32 + 60 * rng.next());
  const d = Float32Array.from({ length: M * N * N }, () => Math.sqrt(Math.floor(4 * rng.next())));
  const stored = transposed && M !== N ? transpose(d, M) : d;
  const diff = ndarray('f4', transposed && M !== N ? [N, N, M] : [M, N, N], stored);
  const a: Record<string, NdArray> = {
    xcoords: ndarray('f8', [M], xs), ycoords: ndarray('f8', [M], ys),
    probeGuess: ndarray('c8', [N, N], Float32Array.from({ length: 2 * N * N }, () => rng.next() - 0.5)),
  };
  if (alias !== 'diffraction') a.diff3d = diff;
  if (alias !== 'diff3d') a.diffraction = ndarray('f4', diff.shape, Float32Array.from(stored));
  if (object) a.objectGuess = ndarray('c8', [20, 30], Float32Array.from({ length: 1200 }, () => rng.next()));
  if (starts) { a.xcoords_start = ndarray('f8', [M], xs.map((v) => v + 0.5)); a.ycoords_start = ndarray('f8', [M], ys); }
  return { arrays: a, d, M };
});

function transpose(d: Float32Array, M: number): Float32Array {
  const out = new Float32Array(d.length);
  for (let m = 0; m < M; m++) for (let p = 0; p < N * N; p++) out[p * M + m] = d[m * N * N + p]!;
  return out;
}

/** One contract violation applied to a valid scan, and the key its problem must name. */
const corruption = fc.record({
  kind: fc.constantFrom('nan', 'negative', 'drop', 'rank', 'mismatch', 'dtype', 'alias', 'empty', 'n'),
  key: fc.constantFrom('xcoords', 'ycoords', 'diff3d', 'probeGuess'),
  at: fc.nat(),
});

function corrupt(a: Record<string, NdArray>, c: { kind: string; key: string; at: number }): { arrays: Record<string, NdArray>; names: string } {
  const out = { ...a };
  const dKey = 'diff3d' in a ? 'diff3d' : 'diffraction';
  const key = c.key === 'diff3d' ? dKey : c.key;
  const t = a[key]!;
  const copy = (x: NdArray): NdArray => ndarray(x.dtype, x.shape, x.data.slice() as typeof x.data);
  switch (c.kind) {
    case 'nan': { const x = copy(t); (x.data as Float32Array)[c.at % x.data.length] = Number.NaN; out[key] = x; return { arrays: out, names: key }; }
    case 'negative': { const x = copy(a[dKey]!); (x.data as Float32Array)[c.at % x.data.length] = -1; out[dKey] = x; if (dKey === 'diff3d' && 'diffraction' in a) out.diffraction = x; return { arrays: out, names: dKey }; }
    case 'drop': delete out[key]; if (key === dKey) { delete out.diff3d; delete out.diffraction; return { arrays: out, names: 'diff3d' }; } return { arrays: out, names: key };
    case 'rank': out[key] = ndarray(t.dtype, [], t.data.subarray(0, t.dtype === 'c8' || t.dtype === 'c16' ? 2 : 1) as typeof t.data); return { arrays: out, names: key };
    case 'mismatch': out.ycoords = ndarray('f8', [a.ycoords!.shape[0]! + 1], new Float64Array(a.ycoords!.shape[0]! + 1)); return { arrays: out, names: 'ycoords' };
    case 'dtype': out[key] = ndarray('U', [1], new Uint32Array([65])); return { arrays: out, names: key };
    case 'alias': { const x = copy(a[dKey]!); (x.data as Float32Array)[c.at % x.data.length]! += 1; out.diff3d = a[dKey]!; out.diffraction = x; return { arrays: out, names: 'diffraction' }; }
    case 'empty': for (const k of Object.keys(out)) if (k !== 'probeGuess' && k !== 'objectGuess') { const s = [...out[k]!.shape]; const m = s.indexOf(a.xcoords!.shape[0]!); s[m >= 0 ? m : 0] = 0; out[k] = ndarray(out[k]!.dtype, s, out[k]!.data.subarray(0, 0) as typeof t.data); } return { arrays: out, names: 'xcoords' };
    default: out[dKey] = ndarray('f4', [a.xcoords!.shape[0]!, 32, 32], new Float32Array(a.xcoords!.shape[0]! * 1024)); delete out[dKey === 'diff3d' ? 'diffraction' : 'diff3d']; return { arrays: out, names: dKey };
  }
}

describe('checkRawData (property-based, fast-check)', () => {
  it('accepts every valid scan, through an NPZ round trip, with the values it was given', () => {
    fc.assert(fc.property(validScan, fc.boolean(), ({ arrays, d, M }, compress) => {
      const { raw, problems } = checkRawData(parseNpz(encodeNpz(arrays, { compress })), 'mem');
      expect(problems).toEqual([]);
      expect(raw!.M).toBe(M);
      expect(raw!.N).toBe(N);
      // Bitwise equality (vitest's deep equality is slow on 12k-element typed arrays).
      expect(Buffer.compare(new Uint8Array(raw!.diff3d.buffer, raw!.diff3d.byteOffset, raw!.diff3d.byteLength), new Uint8Array(d.buffer))).toBe(0);
      expect(raw!.diffractionKey).toBe('diff3d' in arrays ? 'diff3d' : 'diffraction');
    }), { numRuns: 40 });
  });

  it('any one contract violation gives problems naming the key, no RawData, and no exception', () => {
    fc.assert(fc.property(validScan, corruption, ({ arrays }, c) => {
      const { arrays: bad, names } = corrupt(arrays, c);
      const { raw, problems } = checkRawData(bad, 'bad.npz');
      expect(raw).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.some((p) => p.startsWith(`bad.npz, key '${names}'`)), `${c.kind}: ${problems.join(' | ')}`).toBe(true);
    }), { numRuns: 150 });
  });
});
