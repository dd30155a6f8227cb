import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, parseNpz, toComplexArray, toFloat32Array, toFloat64Array } from '@ptychojs/io';
import { poissonNllMean } from './poisson-nll-mean.js';
import { simulateDiffraction } from './simulate-diffraction.js';
import { maxRelErr } from './__fixtures__/helpers.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../../../../shared/data/golden/forward_cases.npz');

describe('poissonNllMean', () => {
  it('is the mean of rate − counts·log(rate + 1e-12)', () => {
    const rate = [1, 2, 0.5, 0], counts = [1, 0, 3, 2];
    const want = ((1 - Math.log(1 + 1e-12)) + 2 + (0.5 - 3 * Math.log(0.5 + 1e-12)) + (0 - 2 * Math.log(1e-12))) / 4;
    expect(poissonNllMean(rate, counts)).toBeCloseTo(want, 12);
  });

  it('is minimized over a common scale of the rate at rate = counts', () => {
    const counts = [3, 7, 1, 12], at = (s: number) => poissonNllMean(counts.map((c) => s * c), counts);
    expect(at(1)).toBeLessThan(at(0.99));
    expect(at(1)).toBeLessThan(at(1.01));
  });

  it('throws InputError on NaN, infinite or negative values and on mismatched lengths', () => {
    expect(() => poissonNllMean([1, Number.NaN], [1, 1])).toThrow(InputError);
    expect(() => poissonNllMean([1, Number.NaN], [1, 1])).toThrow(/rate.*NaN at index 1/);
    expect(() => poissonNllMean([1, 1], [1, Number.NaN])).toThrow(/counts/);
    expect(() => poissonNllMean([-1], [1])).toThrow(/≥ 0/);
    expect(() => poissonNllMean([Infinity], [1])).toThrow(/finite/);
    expect(() => poissonNllMean([1, 2], [1])).toThrow(/differ in length/);
    expect(() => poissonNllMean([], [])).toThrow(/empty/);
  });
});

describe.skipIf(!fs.existsSync(GOLDEN))('dose, Poisson NLL and α vs golden/forward_cases.npz (needs ../shared/data)', () => {
  const g = fs.existsSync(GOLDEN) ? parseNpz(new Uint8Array(fs.readFileSync(GOLDEN))) : {};
  const arr = (k: string) => { const a = g[k]; if (!a) throw new Error(`golden lacks ${k}`); return a; };
  const scalar = (k: string) => toFloat64Array(arr(k))[0]!;
  const counts = toFloat32Array(arr('counts'));
  const N = 64;

  it('poissonNllMean(dose_scale·amplitude², counts) equals the golden poisson_nll_mean', () => {
    const A = toFloat32Array(arr('amplitude')), s = scalar('dose_scale');
    const rate = Float64Array.from(A, (a) => s * a * a);
    // SPEC §3: 1e-5 relative. Same float64 formula on the same float32 inputs: measured 2e-12.
    expect(Math.abs(poissonNllMean(rate, counts) / scalar('poisson_nll_mean') - 1)).toBeLessThan(1e-5);
  });

  it('simulateDiffraction (noise none) reproduces the golden dose_scale, amplitudes and NLL from the object', () => {
    const sim = simulateDiffraction({
      object: toComplexArray(arr('objectGuess')), probe: toComplexArray(arr('probeGuess')),
      xs: toFloat64Array(arr('xcoords')), ys: toFloat64Array(arr('ycoords')), nphotons: 1e6, noise: 'none',
    });
    // Golden dose_scale = 1e6 / mean Σ A² from float32 amplitudes; ours uses float64 Σ|P·O|² (Parseval):
    // they differ by float32 rounding of the golden, measured 2.4e-10.
    expect(Math.abs(sim.doseScale / scalar('dose_scale') - 1)).toBeLessThan(1e-6);
    expect(Math.abs(sim.meanCounts / 1e6 - 1)).toBeLessThan(1e-9);
    const A = Float32Array.from(sim.diff3d, (d) => d / Math.sqrt(sim.doseScale));
    expect(maxRelErr(A, toFloat32Array(arr('amplitude')))).toBeLessThan(1e-5);
    const rate = Float64Array.from(sim.diff3d, (d) => d * d);
    expect(Math.abs(poissonNllMean(rate, counts) / scalar('poisson_nll_mean') - 1)).toBeLessThan(1e-5);
  });

  it('diff3d = sqrt(counts) and α = sqrt((N/2)² / mean Σ diff3d²) match the golden diff3d and alpha', () => {
    const diff3d = Float32Array.from(counts, Math.sqrt);
    expect(maxRelErr(diff3d, toFloat32Array(arr('diff3d')))).toBeLessThan(1e-5);
    const M = diff3d.length / (N * N);
    let s = 0; for (const d of diff3d) s += d * d;
    const alpha = Math.sqrt((N / 2) ** 2 / (s / M));
    expect(Math.abs(alpha / scalar('alpha') - 1)).toBeLessThan(1e-5);
  });
});
