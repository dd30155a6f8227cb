import { describe, expect, it } from 'vitest';
import { fromComplexArray, InputError, ndarray, stringArray, type NdArray } from '@ptychojs/io';
import { memoryScanSource } from '@ptychojs/io';
import { checkScan } from './check-scan.js';
import { summarizeScan } from './summarize-scan.js';
import { usableScan } from './usable-scan.js';

const N = 64;

/**
 * A scan in the SPEC §3 contract: M = n² positions on a grid of `step` px from 40, a disk probe
 * (radius 8 px), and per pattern a centred 8×8 block of integer `value`s on a floor of 1s over rows
 * and columns 8…55 (so no row inside the signal is constant), stored with `dtype`.
 */
function scan(o: { n?: number; step?: number; value?: number; dtype?: 'u2' | 'f4'; metadata?: Record<string, unknown>; object?: number } = {}): Record<string, NdArray> {
  const n = o.n ?? 4, step = o.step ?? 6, M = n * n;
  const xs = Float64Array.from({ length: M }, (_, k) => 40 + step * (k % n));
  const ys = Float64Array.from({ length: M }, (_, k) => 40 + step * Math.floor(k / n));
  const d = o.dtype === 'u2' ? new Uint16Array(M * N * N) : new Float32Array(M * N * N);
  for (let m = 0; m < M; m++) {
    for (let i = 8; i < 56; i++) for (let j = 8; j < 56; j++) d[m * N * N + i * N + j] = 1 + ((i * 7 + j * 3 + m) % 2);
    for (let i = 28; i < 36; i++) for (let j = 28; j < 36; j++) d[m * N * N + i * N + j] = o.value ?? 40;
  }
  const re = new Float32Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) re[i * N + j] = Math.hypot(i - N / 2, j - N / 2) < 8 ? 1 : 0;
  const arrays: Record<string, NdArray> = {
    xcoords: ndarray('f8', [M], xs), ycoords: ndarray('f8', [M], ys), diff3d: ndarray(o.dtype ?? 'f4', [M, N, N], d),
    probeGuess: fromComplexArray({ shape: [N, N], re, im: new Float32Array(N * N) }, 'c8'),
  };
  if (o.object) arrays.objectGuess = fromComplexArray({ shape: [o.object, o.object], re: new Float32Array(o.object ** 2).fill(1), im: new Float32Array(o.object ** 2) }, 'c8');
  if (o.metadata) arrays._metadata = stringArray([JSON.stringify(o.metadata)], 'U', []);
  return arrays;
}

/** Σ over one pattern of f(stored value): its counts under a reading. */
function perPattern(f: (v: number) => number, value = 40): number {
  let s = 0;
  for (let i = 8; i < 56; i++) for (let j = 8; j < 56; j++) s += f(i >= 28 && i < 36 && j >= 28 && j < 36 ? value : 1 + ((i * 7 + j * 3) % 2));
  return s;
}
const codes = (c: { problems: readonly { code: string }[]; warnings: readonly { code: string }[] }) => ({ problems: c.problems.map((p) => p.code), warnings: c.warnings.map((w) => w.code) });

describe('checkScan: the one check every command makes', () => {
  it('reads an integer dtype as counts by default and says so; a stated reading is silent and changes the dose', () => {
    const arrays = scan({ dtype: 'u2' });
    const byDtype = checkScan(memoryScanSource(arrays, 'c.npz'), { command: 'run' });
    expect(byDtype.diffraction).toEqual({ kind: 'counts', stated: false });
    expect(codes(byDtype)).toEqual({ problems: [], warnings: ['diffraction-read-as-counts'] });
    expect(byDtype.warnings[0]!.message).toContain('uint16');
    // Counts: a pattern holds Σ value counts. Read as float32 sqrt(counts) and squared back: each
    // term within 2⁻²³ relative, so 1e-6 relative is ample.
    expect(byDtype.assessment!.stats.countsPerPattern!.median / perPattern((v) => v) - 1).toBeLessThan(1e-6);
    expect(byDtype.assessment!.stats.countsPerPattern!.median / perPattern((v) => v) - 1).toBeGreaterThan(-1e-6);
    const stated = checkScan(memoryScanSource(arrays, 'c.npz'), { command: 'run', diffraction: 'counts' });
    expect(codes(stated)).toEqual({ problems: [], warnings: [] });
    expect(stated.notes.join('\n')).toMatch(/read as counts/);
    // Stated amplitudes: the same file holds Σ value² counts per pattern, and no counts warning.
    const asAmplitude = checkScan(memoryScanSource(arrays, 'c.npz'), { command: 'run', diffraction: 'amplitude' });
    expect(codes(asAmplitude)).toEqual({ problems: [], warnings: [] });
    expect(asAmplitude.assessment!.stats.countsPerPattern!.median).toBeCloseTo(perPattern((v) => v * v), 6);
    // --strict: the default reading must be stated.
    expect(codes(checkScan(memoryScanSource(arrays, 'c.npz'), { command: 'run', strict: true }))).toEqual({ problems: ['diffraction-read-as-counts'], warnings: [] });
  });

  it('integer values in a float dtype stay amplitudes (the SPEC §3 contract) with a warning naming the flag', () => {
    const c = checkScan(memoryScanSource(scan({ dtype: 'f4' }), 'f.npz'), { command: 'train' });
    expect(c.diffraction).toEqual({ kind: 'amplitude', stated: false });
    expect(codes(c)).toEqual({ problems: [], warnings: ['diffraction-looks-like-counts'] });
    expect(c.warnings[0]!.fix).toContain('--diffraction counts');
  });

  it('the run nphotons, when given, is compared with the dose and _metadata; _metadata with the dose always', () => {
    const dose = perPattern((v) => v * v, 40.5); // not integers: amplitudes; every pattern holds this dose
    const arrays = scan({ value: 40.5, metadata: { nphotons: dose } });
    expect(codes(checkScan(memoryScanSource(arrays, 'm.npz'), { command: 'run', nphotons: dose }))).toEqual({ problems: [], warnings: [] });
    const far = checkScan(memoryScanSource(arrays, 'm.npz'), { command: 'run', nphotons: 3 * dose });
    expect(codes(far).warnings).toEqual(['dose-mismatch', 'metadata-disagrees']);
    expect(far.warnings[1]!.fix).toContain(`--nphotons ${dose})`); // the recorded value, exactly
    // Without nphotons the run takes the dose from the data: nothing to compare but _metadata with the data.
    expect(codes(checkScan(memoryScanSource(arrays, 'm.npz'), { command: 'run' }))).toEqual({ problems: [], warnings: [] });
    expect(codes(checkScan(memoryScanSource(scan({ value: 40.5, metadata: { nphotons: dose / 3 } }), 'm.npz'), { command: 'run' })).warnings).toEqual(['dose-mismatch']);
  });

  it('a contract problem stops the check: no assessment follows from it, and usableScan refuses naming the file', () => {
    const arrays = scan({ value: 40.5 });
    delete arrays.probeGuess;
    const c = checkScan(memoryScanSource(arrays, 'bad.npz'), { command: 'train' });
    expect(c.raw).toBeUndefined();
    expect(c.assessment).toBeUndefined();
    expect(c.warnings).toEqual([]);
    expect(c.problems).toEqual([{ code: 'contract', file: 'bad.npz', message: "bad.npz, key 'probeGuess': missing required key; expected probeGuess (N, N) complex with N = 64; got absent" }]);
    expect(() => usableScan(c)).toThrow(InputError);
    try { usableScan(c); } catch (e) {
      const err = e as InputError;
      expect(err.file).toBe('bad.npz');
      expect(err.message).toBe("bad.npz: 1 problem makes this scan unusable for 'train'");
      expect(err.problems).toEqual([c.problems[0]!.message]);
    }
  });

  it('usableScan lists every assessment problem with its fix; a usable scan carries its findings', () => {
    const one = checkScan(memoryScanSource(scan({ n: 1, value: 40.5 }), 'one.npz'), { command: 'run' });
    expect(codes(one).problems).toEqual(['too-few-positions']);
    try { usableScan(one); expect.unreachable(); } catch (e) {
      expect((e as InputError).problems).toEqual([`${one.problems[0]!.message} — use gridsize 1 (C = 1 ≤ M), or a scan with more positions`]);
    }
    const ok = usableScan(checkScan(memoryScanSource(scan({ n: 1, value: 40.5, object: 102 }), 'one.npz'), { command: 'run', gridsize: 1 }));
    expect(ok.raw.M).toBe(1);
    expect(ok.evaluation.possible).toBe(false);
    expect(ok.evaluation.reason).toMatch(/1×1 px, smaller than the 11×11 SSIM window/);
    expect(ok.warnings.map((w) => w.code)).toEqual(['metrics-unavailable']);
  });
});

describe('summarizeScan: what inspect reports, from the same check', () => {
  it('extent, step, counts and evaluation are assessScan\'s; the overlap uses the probe radius', () => {
    const arrays = scan({ value: 40.5, object: 120 });
    const check = checkScan(memoryScanSource(arrays, 's.npz'), { command: 'run' });
    const s = summarizeScan(check);
    expect(s.valid).toBe(true);
    expect(s.keys.map((k) => [k.key, k.dtype])).toEqual([['xcoords', 'float64'], ['ycoords', 'float64'], ['diff3d', 'float32'], ['probeGuess', 'complex64'], ['objectGuess', 'complex64']]);
    expect(s.diffraction).toEqual({ kind: 'amplitude', stated: false, key: 'diff3d', storedDtype: 'float32' });
    expect([s.M, s.N, s.medianStep]).toEqual([16, 64, 6]);
    expect(s.extent).toEqual({ xmin: 40, xmax: 58, ymin: 40, ymax: 58 });
    expect(s.countsPerPattern!.median).toBeCloseTo(perPattern((v) => v * v, 40.5), 6);
    expect(s.evaluation).toEqual({ possible: true, box: { col0: 40, row0: 40, width: 19, height: 19 } });
    // A uniform disk of radius R has rms radius R/√2 (continuum); the pixelated disk is within 3%.
    expect(s.probeRmsRadius! / (8 / Math.SQRT2)).toBeCloseTo(1, 1);
    expect(s.overlap).toBeCloseTo(1 - 6 / (1.665 * s.probeRmsRadius!), 12);
  });

  it('positions in metres: a units warning and no overlap (it would be a false 100%)', () => {
    const arrays = scan({ value: 40.5, step: 1.2e-7 });
    const s = summarizeScan(checkScan(memoryScanSource(arrays, 'm.npz'), { command: 'run' }));
    expect(s.warnings.map((w) => w.code)).toEqual(['positions-units']);
    expect(s.medianStep).toBeCloseTo(1.2e-7, 13); // 40 + k·1.2e-7 in float64 keeps the step to ~1e-14
    expect(s.overlap).toBeUndefined();
  });

  it('an invalid file still lists its keys with their stored dtypes, and every problem', () => {
    const arrays = scan({ dtype: 'u2' });
    arrays.diffraction = ndarray('f4', [16, N, N], new Float32Array(16 * N * N));
    const s = summarizeScan(checkScan(memoryScanSource(arrays, 'two.npz'), { command: 'run' }));
    expect(s.valid).toBe(false);
    expect(s.M).toBeUndefined();
    expect(s.keys.find((k) => k.key === 'diff3d')!.dtype).toBe('uint16');
    expect(s.problems.map((p) => p.code)).toEqual(['contract']);
    expect(s.problems[0]!.message).toMatch(/ambiguous input: both 'diff3d' and 'diffraction'/);
  });
});
