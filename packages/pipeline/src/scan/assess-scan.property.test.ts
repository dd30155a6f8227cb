import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, createRng } from '@ptychojs/io';
import { assessScan } from './assess-scan.js';
import { SCAN_NEEDS, type ScanCommand } from './check-scan.js';
import type { ScanIssueCode } from './scan-issue.js';
import { groupScan, normalizationAlpha } from '@ptychojs/grouping';

const N = 64;
const COMMANDS: ScanCommand[] = ['inspect', 'train', 'infer', 'run', 'evaluate', 'simulate', 'epie'];
const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -200, max: 300, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e-7, 0, 1e300) },
);

/** Scans of every shape assessScan may be handed: odd positions, odd diffraction, odd settings. */
const anyScan = fc.record({
  points: fc.array(fc.tuple(coordinate, coordinate), { maxLength: 12 }),
  style: fc.constantFrom('none', 'zeros', 'amplitude', 'counts', 'nan', 'negative', 'some-zero', 'binary'),
  seed: fc.integer(),
  object: fc.option(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), { nil: undefined }),
  command: fc.constantFrom(...COMMANDS),
  gridsize: fc.option(fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constant(1.5)), { nil: undefined }),
  K: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  nphotons: fc.option(fc.oneof(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.constant(Number.NaN)), { nil: undefined }),
  metaNphotons: fc.option(fc.double({ min: 1, max: 1e9, noNaN: true }), { nil: undefined }),
  strict: fc.boolean(),
}).map((o) => {
  const M = o.points.length;
  const rng = createRng(o.seed);
  let diff3d: Float32Array | undefined;
  if (o.style !== 'none') {
    diff3d = new Float32Array(M * N * N);
    for (let i = 0; i < diff3d.length; i++) {
      const r = rng.next();
      diff3d[i] = o.style === 'zeros' ? 0 : o.style === 'counts' ? Math.floor(8 * r) : o.style === 'binary' ? (r < 0.5 ? 0 : 1) : 3 * r;
    }
    if (M > 0 && o.style === 'nan') diff3d[rng.int(diff3d.length)] = Number.NaN;
    if (M > 0 && o.style === 'negative') diff3d[rng.int(diff3d.length)] = -1;
    if (M > 0 && o.style === 'some-zero') diff3d.fill(0, 0, N * N);
  }
  return {
    scan: {
      source: 'p.npz', N,
      xcoords: Float64Array.from(o.points, (p) => p[0]), ycoords: Float64Array.from(o.points, (p) => p[1]),
      ...(diff3d ? { diff3d } : {}),
      ...(o.object ? { objectGuess: { shape: o.object } } : {}),
      ...(o.metaNphotons ? { metadata: { nphotons: o.metaNphotons } } : {}),
    },
    settings: { needs: SCAN_NEEDS[o.command], gridsize: o.gridsize, K: o.K, nphotons: o.nphotons, strict: o.strict },
  };
});

const PROBLEM_ONLY: ScanIssueCode[] = ['no-positions', 'positions-not-finite', 'coordinate-length-mismatch', 'too-few-positions', 'bad-setting',
  'diffraction-missing', 'diffraction-not-finite', 'diffraction-negative', 'diffraction-all-zero', 'object-missing', 'evaluation-box-too-small'];
const DIFFRACTION_WARNINGS: ScanIssueCode[] = ['diffraction-looks-like-counts', 'empty-patterns', 'outlier-patterns', 'detector-gaps', 'dose-mismatch'];

describe('assessScan (property-based, fast-check)', () => {
  it('never throws; problems and warnings are well-formed; strict turns every warning into a problem', () => {
    fc.assert(fc.property(anyScan, ({ scan, settings }) => {
      const a = assessScan(scan, settings);
      for (const i of [...a.problems, ...a.warnings]) {
        expect(i.message.startsWith(`p.npz, key '${i.key}': `)).toBe(true);
        expect(i.fix.length).toBeGreaterThan(0);
      }
      for (const w of a.warnings) expect(PROBLEM_ONLY).not.toContain(w.code);
      if (settings.strict) expect(a.warnings).toEqual([]);
      else {
        const s = assessScan(scan, { ...settings, strict: true });
        expect(s.problems.map((p) => p.code)).toEqual([...a.problems, ...a.warnings].map((p) => p.code));
      }
      // No false follow-ons: a stack without usable values gets no warnings about its values.
      const codes = new Set([...a.problems, ...a.warnings].map((i) => i.code));
      if (codes.has('diffraction-all-zero') || codes.has('diffraction-not-finite') || codes.has('diffraction-negative')) {
        for (const c of DIFFRACTION_WARNINGS) expect(codes.has(c), c).toBe(false);
      }
      if (codes.has('positions-units') || codes.has('positions-not-finite') || codes.has('no-positions')) {
        expect(codes.has('duplicate-positions') || codes.has('step-exceeds-probe')).toBe(false);
      }
      if (a.evaluation.possible) expect(a.evaluation.box!.width).toBeGreaterThanOrEqual(11);
    }), { numRuns: 400 });
  });

  it('refuses a grouping exactly when groupScan would (inspect reports what train refuses)', () => {
    const finiteScan = fc.record({
      M: fc.integer({ min: 1, max: 12 }), seed: fc.integer(),
      gridsize: fc.integer({ min: 0, max: 4 }), K: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(fc.property(finiteScan, ({ M, seed, gridsize, K }) => {
      const rng = createRng(seed);
      const xs = Float64Array.from({ length: M }, () => 100 * rng.next()), ys = Float64Array.from({ length: M }, () => 100 * rng.next());
      const a = assessScan({ source: 'g.npz', N, xcoords: xs, ycoords: ys, diff3d: new Float32Array(M * N * N).fill(1) }, { needs: SCAN_NEEDS.train, gridsize, K });
      const refused = a.problems.some((p) => p.code === 'too-few-positions' || p.code === 'bad-setting');
      let threw = false;
      try { groupScan(xs, ys, { gridsize, K, seed: 1 }); } catch (e) { expect(e).toBeInstanceOf(InputError); threw = true; }
      expect(refused).toBe(threw);
    }), { numRuns: 300 });
  });

  it('refuses diffraction exactly when normalization (SPEC §3) cannot divide by its energy', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (M, seed, density) => {
      const rng = createRng(seed);
      const d = Float32Array.from({ length: M * N * N }, () => (rng.next() < density * 1e-3 ? rng.next() : 0));
      const a = assessScan({ source: 'z.npz', N, xcoords: new Float64Array(M), ycoords: Float64Array.from({ length: M }, (_, i) => 6 * i), diff3d: d }, { needs: SCAN_NEEDS.epie });
      let threw = false;
      try { normalizationAlpha(d, N); } catch { threw = true; }
      expect(a.problems.some((p) => p.code === 'diffraction-all-zero')).toBe(threw);
    }), { numRuns: 100 });
  });
});
