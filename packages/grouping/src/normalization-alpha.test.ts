import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { FORWARD_CASES, hasForwardCases, loadForwardCases } from '../test/golden.js';
import { groupedDiffraction } from './grouped-diffraction.js';
import { normalizationAlpha } from './normalization-alpha.js';
import { normalize } from './normalize.js';
import { scaleInPlace } from './scale-in-place.js';

function meanEnergy(x: Float32Array, N: number): number {
  let s = 0;
  for (const v of x) s += v * v;
  return s / (x.length / (N * N));
}

describe('normalize', () => {
  it('makes the mean per-pattern energy exactly (N/2)² (SPEC §3 "Normalization")', () => {
    const rng = createRng(8), N = 32, M = 25;
    const diff = Float32Array.from({ length: M * N * N }, () => Math.sqrt(rng.poisson(40 * rng.next())));
    const { X, alpha } = normalize(diff, N);
    // X is float32: each square carries ≤ 1.2e-7 relative rounding, so 1e-6 is a safe bound.
    expect(Math.abs(meanEnergy(X, N) / (N / 2) ** 2 - 1)).toBeLessThan(1e-6);
    expect(X[7]).toBe(Math.fround(alpha * diff[7]!));
    expect(diff).not.toBe(X); // input untouched
  });

  it('gives the same α for raw (M, N, N) and grouped (B, N, N, C) layouts of the same patterns', () => {
    const rng = createRng(9), N = 8, M = 12;
    const diff = Float32Array.from({ length: M * N * N }, () => rng.next() * 3);
    const grouped = groupedDiffraction(diff, Int32Array.from({ length: M }, (_, k) => (k * 5) % M), 4, N);
    expect(normalizationAlpha(grouped, N)).toBeCloseTo(normalizationAlpha(diff, N), 14);
  });

  it('scaleInPlace multiplies in place and refuses α ≤ 0 or NaN', () => {
    const a = Float32Array.from([1, -2, 0.5]);
    expect(scaleInPlace(a, 2)).toBe(a);
    expect(Array.from(a)).toEqual([2, -4, 1]);
    expect(() => scaleInPlace(a, 0)).toThrow(/> 0/);
    expect(() => scaleInPlace(a, Number.NaN)).toThrow(/> 0/);
  });

  it('refuses all-zero, non-finite and mis-sized diffraction', () => {
    expect(() => normalizationAlpha(new Float32Array(8), 2)).toThrow(/all zero/);
    expect(() => normalizationAlpha(Float32Array.from([1, Number.NaN, 1, 1]), 2)).toThrow(/value 1 is not finite/);
    expect(() => normalizationAlpha(new Float32Array(6), 2)).toThrow(/multiple of N²/);
    expect(() => normalizationAlpha(new Float32Array(0), 2)).toThrow(/multiple of N²/);
  });
});

describe.skipIf(!hasForwardCases)(`normalizationAlpha vs golden alpha (needs ${FORWARD_CASES})`, () => {
  it('matches alpha = sqrt(32² / mean_k Σ diff3d²) and x_full = alpha·diff3d', () => {
    const g = loadForwardCases();
    const diff3d = g.diff3d!.data as Float32Array;
    const alpha = normalizationAlpha(diff3d, 64);
    const want = Number(g.alpha!.data[0]);
    // golden α comes from float64 sqrt(counts); ours from the float32 diff3d: measured gap 2e-10 relative.
    expect(Math.abs(alpha / want - 1)).toBeLessThan(1e-8);
    const { X } = normalize(diff3d, 64);
    const xFull = g.x_full!.data as Float32Array;
    let maxRel = 0, maxVal = 0;
    for (let k = 0; k < X.length; k++) { maxRel = Math.max(maxRel, Math.abs(X[k]! - xFull[k]!)); maxVal = Math.max(maxVal, Math.abs(xFull[k]!)); }
    expect(maxRel / maxVal).toBeLessThan(1e-6); // one float32 rounding on each side
  });
});

describe('normalizationAlphaFromEnergy', () => {
  it('equals normalizationAlpha of the patterns whose energies it is given (float64 sums, to 1e-12)', async () => {
    const { normalizationAlphaFromEnergy } = await import('./normalization-alpha-from-energy.js');
    const N = 4, M = 5;
    const d = Float32Array.from({ length: M * N * N }, (_, i) => ((i * 7919) % 13) / 3);
    const energy = Float64Array.from({ length: M }, (_, m) => { let e = 0; for (let p = 0; p < N * N; p++) e += d[m * N * N + p]! ** 2; return e; });
    expect(Math.abs(normalizationAlphaFromEnergy(energy, N) / normalizationAlpha(d, N) - 1)).toBeLessThan(1e-12);
    expect(() => normalizationAlphaFromEnergy(new Float64Array(3), N)).toThrow(/all zero/);
  });
});
