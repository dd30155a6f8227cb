import { describe, expect, it } from 'vitest';
import { createRng, InputError, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from './default-probe.js';
import { farFieldAmplitudeBatch } from './far-field-amplitude-batch.js';
import { gridScan } from './grid-scan.js';
import { linesObject } from './lines-object.js';
import { objectPatches } from './object-patches.js';
import { simulateDiffraction } from './simulate-diffraction.js';
import { maxRelErr } from './__fixtures__/helpers.js';

const n = 16;
const object = linesObject({ height: 48, width: 48, rng: createRng(1) });
const probe = defaultProbe(n);
const { xs, ys } = gridScan({ height: 48, width: 48, n, step: 4 }); // 9 × 9 = 81 positions

describe('simulateDiffraction', () => {
  it("without noise stores sqrt(doseScale)·A with A the SPEC §3 amplitude, and the mean counts are exactly nphotons", () => {
    const sim = simulateDiffraction({ object, probe, xs, ys, nphotons: 1e5, noise: 'none' });
    const A = farFieldAmplitudeBatch(probe, objectPatches(object, xs, ys, n));
    expect(sim.M).toBe(81);
    expect(sim.N).toBe(n);
    // Float32 storage on both sides: ≤ 1e-6 relative.
    expect(maxRelErr(sim.diff3d, Float32Array.from(A, (a) => Math.sqrt(sim.doseScale) * a))).toBeLessThan(1e-6);
    let s = 0; for (const a of A) s += a * a;
    expect(sim.doseScale / (1e5 / (s / 81)) - 1).toBeCloseTo(0, 6);
    let c = 0; for (const d of sim.diff3d) c += d * d;
    expect(c / 81 / 1e5 - 1).toBeCloseTo(0, 6);
    expect(sim.meanCounts / 1e5 - 1).toBeCloseTo(0, 9);
  });

  it('with Poisson noise draws integer counts whose mean total per pattern is nphotons within 5 standard errors', () => {
    const nphotons = 1e4, sim = simulateDiffraction({ object, probe, xs, ys, nphotons, rng: createRng(2) });
    let total = 0;
    for (const d of sim.diff3d) {
      const c = d * d;
      // sqrt stored in float32: c carries ≤ 2.4e-7·c of rounding (c < 1e4 here), far below 0.01.
      expect(Math.abs(c - Math.round(c))).toBeLessThan(0.01);
      total += Math.round(c);
    }
    // Σ of M·N² independent Poissons with total mean M·nphotons: SE of the per-pattern mean is
    // sqrt(nphotons/M) ≈ 11; 5 SE ≈ 56, i.e. 0.6%.
    expect(Math.abs(total / sim.M - nphotons)).toBeLessThan(5 * Math.sqrt(nphotons / sim.M));
    expect(sim.meanCounts).toBeCloseTo(total / sim.M, 3);
  });

  it('draws counts with Poisson variance equal to the rate (χ²/dof ≈ 1 over repeated exposures)', () => {
    // 200 exposures of one position: Σ (c − λ)²/λ over pixels with λ ≥ 1 has mean 1 per term and
    // variance ≈ 2 + 1/λ per term; with ~20k terms the SE of the ratio is ≈ 0.015, so 0.06 is 4 SE.
    const K = 200, xk = new Float64Array(K).fill(24), yk = new Float64Array(K).fill(24);
    const exact = simulateDiffraction({ object, probe, xs: xk, ys: yk, nphotons: 5e4, noise: 'none' });
    const noisy = simulateDiffraction({ object, probe, xs: xk, ys: yk, nphotons: 5e4, rng: createRng(3) });
    let chi2 = 0, dof = 0;
    for (let i = 0; i < exact.diff3d.length; i++) {
      const lambda = exact.diff3d[i]! ** 2;
      if (lambda < 1) continue;
      chi2 += (Math.round(noisy.diff3d[i]! ** 2) - lambda) ** 2 / lambda;
      dof++;
    }
    expect(dof).toBeGreaterThan(10_000);
    expect(Math.abs(chi2 / dof - 1)).toBeLessThan(0.06);
  });

  it('is repeatable per seed and differs between seeds', () => {
    const a = simulateDiffraction({ object, probe, xs, ys, nphotons: 1e4, rng: createRng(5) });
    const b = simulateDiffraction({ object, probe, xs, ys, nphotons: 1e4, rng: createRng(5) });
    const c = simulateDiffraction({ object, probe, xs, ys, nphotons: 1e4, rng: createRng(6) });
    expect(b.diff3d).toEqual(a.diff3d);
    expect(c.diff3d).not.toEqual(a.diff3d);
  });

  it('reports progress once per pattern, ending at (M, M)', () => {
    const calls: [number, number][] = [];
    simulateDiffraction({ object, probe, xs, ys, nphotons: 1e4, noise: 'none', onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBe(81);
    expect(calls[0]).toEqual([1, 81]);
    expect(calls.at(-1)).toEqual([81, 81]);
  });

  it('refuses bad input with InputErrors that name the problem', () => {
    const nanObject: ComplexArray = { shape: [48, 48], re: object.re.slice(), im: object.im };
    nanObject.re[100] = Number.NaN;
    expect(() => simulateDiffraction({ object: nanObject, probe, xs, ys, nphotons: 1e4, noise: 'none' })).toThrow(/object.*NaN/);
    expect(() => simulateDiffraction({ object, probe, xs, ys, nphotons: 1e4 })).toThrow(/random source/);
    expect(() => simulateDiffraction({ object, probe, xs, ys, nphotons: 0, noise: 'none' })).toThrow(/nphotons/);
    expect(() => simulateDiffraction({ object, probe, xs, ys: ys.subarray(1), nphotons: 1, noise: 'none' })).toThrow(InputError);
    const p12 = { shape: [12, 12], re: new Float32Array(144).fill(1), im: new Float32Array(144) };
    expect(() => simulateDiffraction({ object, probe: p12, xs, ys, nphotons: 1, noise: 'none' })).toThrow(/power of two/);
    // A scan entirely off the object: nothing diffracts, so no dose can be set.
    expect(() => simulateDiffraction({ object, probe, xs: [500], ys: [500], nphotons: 1, noise: 'none' })).toThrow(/sees no object/);
  });
});
