import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { linesPinnObject, type CanvasSegment } from './lines-pinn-object.js';

interface Expected { height: number; width: number; segments: CanvasSegment[]; amplitude: number[]; phase: number[] }
const expected = JSON.parse(readFileSync(new URL('./__fixtures__/lines-pinn-expected.json', import.meta.url), 'utf8')) as Expected;

const amp = (o: { re: Float32Array; im: Float32Array }) => Float64Array.from(o.re, (r, i) => Math.hypot(r, o.im[i]!));
const phase = (o: { re: Float32Array; im: Float32Array }) => Float64Array.from(o.re, (r, i) => Math.atan2(o.im[i]!, r));

describe('linesPinnObject', () => {
  it("matches an independent numpy/scipy implementation of PtychoPINN's recipe on fixed segments", () => {
    // scripts/make-lines-pinn-fixture.py: scipy gaussian_filter blur, centre crop, dummy_phi phase,
    // amplitude / max. Float32 planes: |z| and arg z carry ≈ 1e-7 relative rounding, hence 1e-6.
    const { height, width, segments } = expected;
    const o = linesPinnObject({ height, width, rng: createRng(0), segments });
    expect(o.shape).toEqual([height, width]);
    const A = amp(o), P = phase(o);
    let da = 0, dp = 0;
    for (let i = 0; i < A.length; i++) { da = Math.max(da, Math.abs(A[i]! - expected.amplitude[i]!)); dp = Math.max(dp, Math.abs(P[i]! - expected.phase[i]!)); }
    expect(da).toBeLessThan(1e-6);
    expect(dp).toBeLessThan(1e-6);
  });

  it("draws PtychoPINN's line density by default: amplitude peaks at exactly 1, phase spans over a radian, repeatable per seed", () => {
    const a = linesPinnObject({ height: 128, width: 128, rng: createRng(7) });
    const b = linesPinnObject({ height: 128, width: 128, rng: createRng(7) });
    const c = linesPinnObject({ height: 128, width: 128, rng: createRng(8) });
    expect(b.re).toEqual(a.re);
    expect(c.re).not.toEqual(a.re);
    const A = amp(a), P = phase(a);
    expect(A.length).toBe(128 * 128);
    expect(Math.max(...A)).toBeCloseTo(1, 6);
    // 131 lines on 256²: the broad 5·G₁₀ term leaves no dark background (min ≈ 0.22 for seed 7),
    // and tanh((I − max/2)/(3·mean)) spans ≈ −0.46 … 0.81 rad; 400 lines here would give 0.02 … 0.61.
    expect(Math.min(...A)).toBeGreaterThan(0.1);
    expect(Math.min(...A)).toBeLessThan(0.4);
    expect(Math.max(...P) - Math.min(...P)).toBeGreaterThan(1);
    const dense = phase(linesPinnObject({ height: 128, width: 128, rng: createRng(7), lines: 400 }));
    expect(Math.max(...dense) - Math.min(...dense)).toBeLessThan(0.8);
    expect(Math.max(...P)).toBeLessThan(Math.PI);
    expect(Math.min(...P)).toBeGreaterThan(-Math.PI);
    // The phase increases with the amplitude (both are monotone in I).
    let k = 0;
    for (let i = 1; i < A.length; i++) if ((A[i]! - A[0]!) * (P[i]! - P[0]!) < -1e-6) k++;
    expect(k).toBe(0);
  });

  it('refuses bad sizes, counts and endpoints with an InputError', () => {
    expect(() => linesPinnObject({ height: 0, width: 8, rng: createRng(0) })).toThrow(InputError);
    expect(() => linesPinnObject({ height: 8, width: 8, rng: createRng(0), lines: 0 })).toThrow(/lines/);
    expect(() => linesPinnObject({ height: 8, width: 8, rng: createRng(0), segments: [[0, 0, 16, 3]] })).toThrow(/r1/);
  });
});
