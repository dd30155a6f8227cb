import { describe, expect, it } from 'vitest';
import { assessScan } from './assess-scan.js';
import type { AssessScanSettings, ScanToAssess } from './assess/types.js';
import { SCAN_NEEDS } from './check-scan.js';

const N = 64;

/**
 * A scan on an n×n grid (step px, starting at 40) whose every pattern is a centred 8×8 block
 * of amplitude √(counts/64) plus a faint 0.5 floor over rows/cols 8…55, so each pattern holds
 * `counts` + 0.25·48² counts and no row inside the signal is constant.
 */
function scan(o: { n?: number; step?: number; counts?: number; object?: [number, number]; xs?: number[]; ys?: number[] } = {}): ScanToAssess & { diff3d: Float32Array } {
  const n = o.n ?? 4, step = o.step ?? 6;
  const xs = o.xs ?? Array.from({ length: n * n }, (_, k) => 40 + step * (k % n));
  const ys = o.ys ?? Array.from({ length: n * n }, (_, k) => 40 + step * Math.floor(k / n));
  const M = xs.length;
  const d = new Float32Array(M * N * N);
  const v = Math.sqrt((o.counts ?? 1e4) / 64);
  for (let m = 0; m < M; m++) {
    for (let i = 8; i < 56; i++) for (let j = 8; j < 56; j++) d[m * N * N + i * N + j] = 0.5 + 0.01 * ((i * 7 + j * 3 + m) % 5);
    for (let i = 28; i < 36; i++) for (let j = 28; j < 36; j++) d[m * N * N + i * N + j] = v;
  }
  return { source: 's.npz', N, xcoords: Float64Array.from(xs), ycoords: Float64Array.from(ys), diff3d: d, ...(o.object ? { objectGuess: { shape: o.object } } : {}) };
}
/**
 * The scan with patterns m ≥ 1 permuted (the centre block's corner pixel swapped with the floor
 * pixel above it): every pattern's totals stay those of pattern 0, but the patterns are not all
 * the same after rounding.
 */
function distinct<T extends { diff3d: Float32Array }>(s: T): T {
  const d = Float32Array.from(s.diff3d);
  for (let m = 1; m < d.length / (N * N); m++) {
    const a = m * N * N + 28 * N + 28, b = m * N * N + 27 * N + 28;
    [d[a], d[b]] = [d[b]!, d[a]!];
  }
  return { ...s, diff3d: d };
}
const codes = (s: ScanToAssess, settings: AssessScanSettings = { needs: SCAN_NEEDS.run }) => {
  const a = assessScan(s, settings);
  return { problems: a.problems.map((p) => p.code), warnings: a.warnings.map((w) => w.code) };
};
const clean = { problems: [], warnings: [] };

describe('assessScan: usable for the command?', () => {
  it('a well-formed scan is clean for every command that reads it', () => {
    for (const command of ['inspect', 'train', 'infer', 'run', 'epie'] as const) expect(codes(scan(), { needs: SCAN_NEEDS[command] }), command).toEqual(clean);
  });

  it('inspect refuses and warns exactly as run does', () => {
    for (const s of [scan(), scan({ n: 1 }), scan({ step: 0.01 }), scan({ object: [100, 100] }), scan({ object: [20, 20] })]) {
      expect(assessScan(s, { needs: SCAN_NEEDS.inspect })).toEqual(assessScan(s, { needs: SCAN_NEEDS.run }));
    }
  });

  it('needs gridsize² positions and K ≥ C − 1 (what groupScan needs)', () => {
    expect(codes(scan({ n: 1 }), { needs: SCAN_NEEDS.train, gridsize: 2 }).problems).toEqual(['too-few-positions']);
    expect(codes(scan({ n: 1 }), { needs: SCAN_NEEDS.train, gridsize: 1 })).toEqual(clean);
    expect(codes(scan({ n: 3 }), { needs: SCAN_NEEDS.train, gridsize: 3, K: 8 })).toEqual(clean);
    expect(codes(scan({ n: 3 }), { needs: SCAN_NEEDS.train, gridsize: 3, K: 7 }).problems).toEqual(['bad-setting']);
    expect(codes(scan({ n: 3 }), { needs: SCAN_NEEDS.train, gridsize: 3, K: 8.5 }).problems).toEqual(['bad-setting']);
    expect(codes(scan(), { needs: SCAN_NEEDS.train, gridsize: 2, K: 2 }).problems).toEqual(['bad-setting']);
    expect(codes(scan({ n: 2 }), { needs: SCAN_NEEDS.train, gridsize: 2, K: 6 }).warnings).toEqual(['small-neighbour-pool']);
    // evaluate, simulate and epie do not group
    expect(codes(scan({ n: 1 }), { needs: SCAN_NEEDS.epie, gridsize: 2 })).toEqual(clean);
  });

  it('the evaluation crop is the metrics crop: columns ceil(xmin)…floor(xmax) ∩ the object (SPEC §4)', () => {
    // xs 10.2 … 20.8 → columns 11…20 = 10 px < 11: impossible; 10.0 … 21.0 → 12 px: possible.
    const narrow = scan({ xs: [10.2, 20.8, 10.2, 20.8], ys: [10, 10, 40, 40], object: [100, 100] });
    const a = assessScan(narrow, { needs: SCAN_NEEDS.run, gridsize: 1 });
    expect(a.evaluation.box).toEqual({ col0: 11, row0: 10, width: 10, height: 31 });
    expect(a.evaluation.possible).toBe(false);
    // Commands that make no metrics still say whether scoring their result could (train --test,
    // infer then evaluate), without a warning about it.
    const t = assessScan(narrow, { needs: SCAN_NEEDS.train, gridsize: 1 });
    expect(t.evaluation).toEqual(a.evaluation);
    expect(t.warnings).toEqual([]);
    expect(a.warnings.map((w) => w.code)).toEqual(['metrics-unavailable']);
    expect(codes(narrow, { needs: SCAN_NEEDS.evaluate }).problems).toEqual(['evaluation-box-too-small']);
    const wide = scan({ xs: [10, 21, 10, 21], ys: [10, 10, 40, 40], object: [100, 100] });
    expect(assessScan(wide, { needs: SCAN_NEEDS.run, gridsize: 1 }).evaluation).toEqual({ possible: true, box: { col0: 10, row0: 10, width: 12, height: 31 } });
    // clipped by the object: a 15-px-wide object leaves 15 columns of a 31-px scan box
    expect(assessScan(scan({ xs: [0, 30, 0, 30], ys: [0, 0, 30, 30], object: [100, 15] }), { needs: SCAN_NEEDS.run, gridsize: 1 }).evaluation.box).toEqual({ col0: 0, row0: 0, width: 15, height: 31 });
  });

  it('simulate needs every position inside the object, and warns when patches reach past its edge', () => {
    // A patch at x reads columns floor(x) − N/2 … ceil(x) + N/2 − 1: inside a 100-wide object for
    // 32 ≤ x ≤ 68 (physics' scanBounds, whose scans sample an all-ones object as all ones).
    expect(codes(scan({ xs: [32, 40, 59, 68], ys: [40, 40, 40, 40], object: [100, 100] }), { needs: SCAN_NEEDS.simulate })).toEqual(clean);
    expect(codes(scan({ xs: [32, 40, 59, 67.5], ys: [40, 40, 40, 68], object: [100, 100] }), { needs: SCAN_NEEDS.simulate })).toEqual(clean);
    expect(codes(scan({ xs: [31.9, 40, 59, 67], ys: [40, 40, 40, 40], object: [100, 100] }), { needs: SCAN_NEEDS.simulate })).toEqual({ problems: [], warnings: ['patches-cross-object-edge'] });
    expect(codes(scan({ xs: [32, 40, 59, 68.1], ys: [40, 40, 40, 40], object: [100, 100] }), { needs: SCAN_NEEDS.simulate })).toEqual({ problems: [], warnings: ['patches-cross-object-edge'] });
    expect(codes(scan({ xs: [32, 40, 59, 100], ys: [40, 40, 40, 40], object: [100, 100] }), { needs: SCAN_NEEDS.simulate }).problems).toEqual(['positions-outside-object']);
    expect(codes(scan({ xs: [32, 40], ys: [40, 40] }), { needs: SCAN_NEEDS.simulate }).problems).toEqual(['object-missing']);
  });
});

describe('assessScan: plausibility warnings', () => {
  it('position units: median step below 0.05 px or a span below 1 px', () => {
    expect(codes(scan({ xs: [40, 40.5], ys: [40, 40] }), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['positions-units']);
    expect(codes(scan({ step: 0.049 }), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['positions-units']);
    expect(codes(scan({ step: 0.34 }), { needs: SCAN_NEEDS.epie }).warnings).toEqual([]); // span 1.02 px
    expect(codes(scan({ step: 32 }), { needs: SCAN_NEEDS.epie }).warnings).toEqual([]);
    expect(codes(scan({ step: 32.5 }), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['step-exceeds-probe']);
  });

  it('duplicates: positions within 0.01 px of another', () => {
    const ys = [40, 40, 40, 40, 40];
    expect(codes(scan({ xs: [40, 46, 52, 58, 40.011], ys }), { needs: SCAN_NEEDS.epie }).warnings).toEqual([]);
    expect(codes(scan({ xs: [40, 46, 52, 58, 40.009], ys }), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['duplicate-positions']);
  });

  it('outlier patterns: totals beyond 10× the median, either way', () => {
    const s = scan({ n: 2 });
    const scaled = (k: number) => { const d = Float32Array.from(s.diff3d); for (let p = 0; p < N * N; p++) d[p]! *= Math.sqrt(k); return { ...s, diff3d: d }; };
    expect(codes(scaled(9), { needs: SCAN_NEEDS.epie })).toEqual(clean);
    expect(codes(scaled(11), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['outlier-patterns']);
    expect(codes(scaled(1 / 11), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['outlier-patterns']);
  });

  it('detector gaps: constant lines inside the signal, not dark borders or wide bands', () => {
    const s = scan({ n: 2 });
    const withRows = (rows: number[], value = 0) => {
      const d = Float32Array.from(s.diff3d);
      for (let m = 0; m < 4; m++) for (const i of rows) d.fill(value, m * N * N + i * N, m * N * N + (i + 1) * N);
      return { ...s, diff3d: d };
    };
    expect(codes(withRows([31, 32]), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['detector-gaps']);
    expect(assessScan(withRows([31, 32]), { needs: SCAN_NEEDS.epie }).warnings[0]!.message).toContain('rows 31…32');
    expect(codes(withRows([20], 3), { needs: SCAN_NEEDS.epie }).warnings).toEqual(['detector-gaps']); // a line stuck at 3
    expect(codes(s, { needs: SCAN_NEEDS.epie }).warnings).toEqual([]); // rows 0…7 and 56…63 are dark borders
    expect(codes(withRows(Array.from({ length: 17 }, (_, k) => 20 + k)), { needs: SCAN_NEEDS.epie }).warnings).toEqual([]); // 17 > N/4
  });

  it('dose: measured mean counts within 2× of nphotons and of _metadata.nphotons', () => {
    const s = scan({ counts: 1e4 });
    const measured = assessScan(s, { needs: SCAN_NEEDS.train }).stats.meanCounts!;
    expect(codes(s, { needs: SCAN_NEEDS.train, nphotons: measured * 1.99 })).toEqual(clean);
    expect(codes(s, { needs: SCAN_NEEDS.train, nphotons: measured * 2.01 }).warnings).toEqual(['dose-mismatch']);
    expect(codes({ ...s, metadata: { nphotons: measured / 2.01 } }, { needs: SCAN_NEEDS.train }).warnings).toEqual(['dose-mismatch']);
    expect(codes({ ...s, metadata: { nphotons: measured } }, { needs: SCAN_NEEDS.train, nphotons: measured * 1.5 }).warnings).toEqual(['metadata-disagrees']);
  });

  it('_metadata.nphotons against a given nphotons: the fix names the recorded value exactly, to paste', () => {
    const s = scan({ counts: 1e4 });
    const measured = assessScan(s, { needs: SCAN_NEEDS.train }).stats.meanCounts!;
    const a = assessScan({ ...s, metadata: { nphotons: measured } }, { needs: SCAN_NEEDS.train, nphotons: measured * 1.5 });
    expect(a.warnings.map((w) => w.code)).toEqual(['metadata-disagrees']);
    expect(a.warnings[0]!.fix).toContain(`--nphotons ${measured})`);
  });

  it('integer-valued diffraction reads as counts; 0/1 data do not (both readings agree)', () => {
    const s = distinct(scan({ n: 2 }));
    expect(codes({ ...s, diff3d: s.diff3d.map(Math.round) }, { needs: SCAN_NEEDS.epie }).warnings).toEqual(['diffraction-looks-like-counts']);
    expect(codes({ ...s, diff3d: s.diff3d.map((v) => (v > 1 ? 1 : 0)) }, { needs: SCAN_NEEDS.epie }).warnings).toEqual([]);
  });

  it('a stated reading is not second-guessed; counts read by default from an integer dtype say so, with both readings', () => {
    const s = distinct(scan({ n: 2 }));
    const integers = { ...s, diff3d: s.diff3d.map(Math.round) };
    expect(codes(integers, { needs: SCAN_NEEDS.epie, diffraction: { kind: 'amplitude', stated: true } })).toEqual(clean);
    // sqrt of the stored counts, as checkRawData's counts reading gives them
    const read = { ...s, diff3d: s.diff3d.map(Math.round).map(Math.sqrt), storedDtypes: { diff3d: 'uint16' } };
    expect(codes(read, { needs: SCAN_NEEDS.epie, diffraction: { kind: 'counts', stated: true } })).toEqual(clean);
    const a = assessScan(read, { needs: SCAN_NEEDS.epie, diffraction: { kind: 'counts', stated: false } });
    expect(a.warnings.map((w) => w.code)).toEqual(['diffraction-read-as-counts']);
    const w = a.warnings[0]!;
    expect(w.message).toContain('stored as uint16');
    expect(w.fix).toMatch(/--diffraction counts.*--diffraction amplitude/);
    // Both readings of the same pattern: as counts Σ v, as amplitudes Σ v², v the stored integers.
    let asCounts = 0, asAmplitudes = 0;
    for (let p = 0; p < N * N; p++) { const v = Math.round(s.diff3d[p]!); asCounts += v; asAmplitudes += v * v; }
    expect(w.actual).toBe(`read as counts, ${Number(asCounts.toPrecision(4))} counts per pattern; read as amplitudes, ${Number(asAmplitudes.toPrecision(4))}`);
    expect(assessScan(read, { needs: SCAN_NEEDS.epie, diffraction: { kind: 'counts', stated: false }, strict: true }).problems.map((p) => p.code)).toEqual(['diffraction-read-as-counts']);
  });

  it('start positions far from the positions (> N/4 px)', () => {
    const s = scan({ n: 2 });
    expect(codes({ ...s, xcoordsStart: Float64Array.from(s.xcoords, (x) => x + 16), ycoordsStart: s.ycoords }, { needs: SCAN_NEEDS.epie })).toEqual(clean);
    expect(codes({ ...s, xcoordsStart: Float64Array.from(s.xcoords, (x) => x + 16.5), ycoordsStart: s.ycoords }, { needs: SCAN_NEEDS.epie }).warnings).toEqual(['start-positions-differ']);
  });
});

describe('assessScan: pixels that are no measurement, and stacks with one value (issue 19)', () => {
  const s = scan({ n: 2 });
  const M = 4;
  const withPixels = (set: (d: Float32Array, m: number) => void, storedDtypes?: Record<string, string>) => {
    const d = Float32Array.from(s.diff3d);
    for (let m = 0; m < M; m++) set(d.subarray(m * N * N, (m + 1) * N * N), m);
    return { ...s, diff3d: d, ...(storedDtypes ? { storedDtypes } : {}) };
  };

  it('columns at √65535 (uint16 maximum as an amplitude) are gaps, left out of the counts per pattern exactly', () => {
    const gap = Math.fround(Math.sqrt(65535));
    const a = assessScan(withPixels((d) => { for (let i = 0; i < N; i++) { d[i * N + 30] = gap; d[i * N + 31] = gap; } }, { diff3d: 'float32' }), { needs: SCAN_NEEDS.epie });
    expect(a.warnings.map((w) => w.code)).toEqual(['detector-gaps']);
    expect(a.warnings[0]!.message).toContain('columns 30…31 = 255.998 (√65535: the uint16 maximum as an amplitude) in every pattern');
    // Reference: Σ d² of the original patterns without columns 30–31 (float64 from the same float32 values).
    let ref = 0;
    for (let m = 0; m < M; m++) for (let p = 0; p < N * N; p++) if (p % N !== 30 && p % N !== 31) ref += s.diff3d[m * N * N + p]! ** 2;
    expect(a.stats.meanCounts! / (ref / M) - 1).toBeCloseTo(0, 12);
    expect(a.stats.excludedPixels).toBe(2 * N);
  });

  it('a pixel constant in every pattern is hot above 10× its brightest neighbour, not at 9×', () => {
    const hotAt = (k: number) => assessScan(withPixels((d) => { d[20 * N + 20] = k * 0.54; }), { needs: SCAN_NEEDS.epie }); // floor ≤ 0.54 around (20, 20)
    expect(hotAt(9).warnings).toEqual([]);
    const a = hotAt(10.5);
    expect(a.warnings.map((w) => w.code)).toEqual(['hot-pixels']);
    expect(a.warnings[0]!.actual).toMatch(/^\(row, column\) \(20, 20\) = 5\.67; left out of the counts per pattern$/);
  });

  it('values at the stored type\'s maximum in some patterns are saturated; in every pattern of a pixel, flagged', () => {
    // uint16 counts read as counts: the maximum reads as √65535.
    const top = Math.fround(Math.sqrt(65535));
    const counts = { needs: SCAN_NEEDS.epie, diffraction: { kind: 'counts' as const, stated: true } };
    const sat = withPixels((d, m) => { if (m === 2) d[32 * N + 32] = top; }, { diff3d: 'uint16' });
    const a = assessScan(sat, counts);
    expect(a.warnings.map((w) => w.code)).toEqual(['saturated-pixels']);
    expect(a.warnings[0]!.message).toContain('1 value in 1 pixel equal 65535 (the uint16 maximum), most often at (row, column) (32, 32) (1 of 4 patterns)');
    const flagged = assessScan(withPixels((d) => { d[32 * N + 32] = top; }, { diff3d: 'uint16' }), counts);
    expect(flagged.warnings.map((w) => w.code)).toEqual(['hot-pixels']);
    expect(flagged.warnings[0]!.message).toContain("1 pixel holds the same value in every pattern, a detector's flag value");
    expect(flagged.warnings[0]!.actual).toBe('(row, column) (32, 32) = 65535 (the uint16 maximum); left out of the counts per pattern');
  });

  it('a float value that happens to equal an integer maximum below the data\'s brightest value is not saturation', () => {
    // √32767 (int16's maximum as an amplitude) once, while another pattern holds 300: no ceiling there.
    const once = withPixels((d, m) => { if (m === 2) d[32 * N + 32] = Math.fround(Math.sqrt(32767)); if (m === 1) d[10 * N + 10] = 300; });
    expect(assessScan(once, { needs: SCAN_NEEDS.epie }).warnings).toEqual([]);
    // The same value as the brightest of the data is a ceiling: saturated.
    const ceiling = withPixels((d, m) => { if (m === 2) d[32 * N + 32] = Math.fround(Math.sqrt(32767)); });
    expect(assessScan(ceiling, { needs: SCAN_NEEDS.epie }).warnings.map((w) => w.code)).toEqual(['saturated-pixels']);
  });

  it('identical patterns are one finding (no gaps or hot pixels follow from it); one value throughout is refused', () => {
    const same = { ...s, diff3d: Float32Array.from({ length: M * N * N }, (_, k) => s.diff3d[k % (N * N)]!) };
    expect(codes(same, { needs: SCAN_NEEDS.epie })).toEqual({ problems: [], warnings: ['identical-patterns'] });
    expect(codes({ ...s, diff3d: new Float32Array(M * N * N).fill(3) }, { needs: SCAN_NEEDS.epie })).toEqual({ problems: ['diffraction-constant'], warnings: [] });
    expect(codes({ ...s, diff3d: new Float32Array(M * N * N) }, { needs: SCAN_NEEDS.epie })).toEqual({ problems: ['diffraction-all-zero'], warnings: [] });
  });
});
