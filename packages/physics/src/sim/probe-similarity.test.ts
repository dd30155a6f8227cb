import { describe, expect, it } from 'vitest';
import { createRng, InputError, type ComplexArray } from '@ptychojs/io';
import { defaultProbe } from './default-probe.js';
import { defocusForRmsRadius } from './defocus-for-rms-radius.js';
import { probeSimilarity } from './probe-similarity.js';

/** A random complex N×N array. */
function randomProbe(n: number, seed: number): ComplexArray {
  const rng = createRng(seed);
  return { shape: [n, n], re: Float32Array.from({ length: n * n }, () => rng.normal()), im: Float32Array.from({ length: n * n }, () => rng.normal()) };
}

/** b(r) = c·a(r − s) circularly, c = g·exp(iθ). */
function shifted(a: ComplexArray, sx: number, sy: number, g: number, theta: number): ComplexArray {
  const n = a.shape[0]!, re = new Float32Array(n * n), im = new Float32Array(n * n);
  const cr = g * Math.cos(theta), ci = g * Math.sin(theta);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const k = ((y - sy + n) % n) * n + ((x - sx + n) % n), o = y * n + x;
    re[o] = cr * a.re[k]! - ci * a.im[k]!;
    im[o] = cr * a.im[k]! + ci * a.re[k]!;
  }
  return { shape: [n, n], re, im };
}

/** The definition, summed directly over every circular shift (float64): the independent reference. */
function bruteForce(a: ComplexArray, b: ComplexArray): number {
  const n = a.shape[0]!;
  let ea = 0, eb = 0, best = 0;
  for (let i = 0; i < n * n; i++) { ea += a.re[i]! ** 2 + a.im[i]! ** 2; eb += b.re[i]! ** 2 + b.im[i]! ** 2; }
  for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) {
    let cr = 0, ci = 0;
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
      const i = y * n + x, j = ((y + sy) % n) * n + ((x + sx) % n);
      // conj(a_i)·b_j
      cr += a.re[i]! * b.re[j]! + a.im[i]! * b.im[j]!;
      ci += a.re[i]! * b.im[j]! - a.im[i]! * b.re[j]!;
    }
    best = Math.max(best, cr * cr + ci * ci);
  }
  return Math.sqrt(best / (ea * eb));
}

describe('probeSimilarity', () => {
  it('equals the correlation summed directly over every shift (8×8 random probes)', () => {
    for (const seed of [1, 2, 3]) {
      const a = randomProbe(8, seed), b = randomProbe(8, seed + 10);
      // float32 inputs, float64 FFT arithmetic: agreement to ~1e-12 relative; 1e-9 leaves room.
      expect(probeSimilarity(a, b).correlation).toBeCloseTo(bruteForce(a, b), 9);
    }
  });

  it('is 1 for a shifted, phase-rotated, scaled copy, and finds the shift', () => {
    const a = defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, 15.5) });
    const r = probeSimilarity(a, shifted(a, 3, -5, 2.5, 1.1));
    expect(r.correlation).toBeCloseTo(1, 6);
    expect(r.shift).toEqual([3, -5]);
    expect(r.energyRatio).toBeCloseTo(6.25, 4);
  });

  it('falls as the defocus changes, and is symmetric', () => {
    const p = (rms: number) => defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, rms) });
    const a = p(15.5);
    const c = [15, 13, 10].map((r) => probeSimilarity(a, p(r)).correlation);
    expect(c[0]!).toBeGreaterThan(c[1]!);
    expect(c[1]!).toBeGreaterThan(c[2]!);
    expect(c[0]!).toBeLessThan(1);
    expect(probeSimilarity(p(13), a).correlation).toBeCloseTo(c[1]!, 9);
  });

  it('refuses probes of different shapes or without energy', () => {
    expect(() => probeSimilarity(randomProbe(8, 1), randomProbe(16, 1))).toThrow(InputError);
    const zero = { shape: [8, 8], re: new Float32Array(64), im: new Float32Array(64) };
    expect(() => probeSimilarity(randomProbe(8, 1), zero)).toThrow(/energy/);
  });
});
