import { describe, expect, it } from 'vitest';
import { createRng, fft2, ifft2, InputError } from '@ptychojs/io';
import { frcResolution } from './frc-resolution.js';
import { halfBitThreshold } from './half-bit-threshold.js';

describe('halfBitThreshold', () => {
  it('is van Heel & Schatz\'s ½-bit curve: T = (ε + (2√ε + 1)/√n) / (ε + 1 + 2√ε/√n), ε = (√2 − 1)/2', () => {
    // The general information-threshold form of van Heel & Schatz (2005) with the half-set SNR ε;
    // the paper prints it with the constants rounded to four digits (0.2071, 1.9102, 1.2071, 0.9102).
    const eps = (Math.SQRT2 - 1) / 2, n = [1, 2, 4, 10, 37, 100, 1000, 1e6];
    const t = halfBitThreshold(n);
    n.forEach((ni, i) => {
      const s = Math.sqrt(ni), want = (eps + (2 * Math.sqrt(eps) + 1) / s) / (eps + 1 + (2 * Math.sqrt(eps)) / s);
      expect(Math.abs(t[i]! - want), `n = ${ni}`).toBeLessThan(1e-4); // the rounding of the printed constants
    });
    expect(t[0]).toBeCloseTo(1, 4); // a one-pixel ring: only a correlation of 1 is information
    expect(halfBitThreshold([1e12])[0]).toBeCloseTo(0.2071 / 1.2071, 5); // 0.1716
    expect(Number.isNaN(halfBitThreshold([0])[0])).toBe(true);
  });
});

/** A complex L×L image with the spectrum g(|k|)·(white complex noise), and white noise of power σ² added. */
function bandLimited(L: number, g: (k: number) => number, rng: ReturnType<typeof createRng>, white: Float64Array[], sigma: number) {
  const re = new Float64Array(L * L), im = new Float64Array(L * L);
  const f = (u: number) => (u < L / 2 ? u : u - L);
  for (let u = 0; u < L; u++) for (let v = 0; v < L; v++) { const gk = g(Math.hypot(f(u), f(v))), i = u * L + v; re[i] = gk * white[0]![i]!; im[i] = gk * white[1]![i]!; }
  ifft2(re, im, L, L);
  for (let i = 0; i < L * L; i++) { re[i] = re[i]! * L + sigma * rng.normal(); im[i] = im[i]! * L + sigma * rng.normal(); }
  return { shape: [L, L], re, im };
}

describe('frcResolution', () => {
  it('is 1 up to Nyquist for identical images, whatever their relative global phase (removed)', () => {
    const rng = createRng(1), L = 32, re = new Float64Array(L * L).map(() => rng.normal()), im = new Float64Array(L * L).map(() => rng.normal());
    const c = Math.cos(0.8), s = Math.sin(0.8);
    const b = { shape: [L, L], re: re.map((v, i) => v * c - im[i]! * s), im: im.map((v, i) => v * c + re[i]! * s) };
    const r = frcResolution({ shape: [L, L], re, im }, b, { pixelSize: 10e-9 });
    for (let k = 1; k < r.value.length; k++) expect(r.value[k]).toBeCloseTo(1, 10);
    expect(r.globalPhase).toBeCloseTo(-0.8, 10);
    expect(r).toMatchObject({ reachesNyquist: true, crossing: 1, resolutionPixels: 1, thresholdKind: 'half-bit' });
    expect(r.resolutionNm).toBeCloseTo(10, 10);
  });

  it('crosses the ½-bit curve where the spectral SNR of two noisy copies of one signal predicts', () => {
    // a = s + n₁, b = s + n₂: E[FRC(r)] = S(r)/(S(r) + σ²) with S = g² the signal's power. With
    // g(k) = exp(−k²/(2·12²)) and σ = 0.05, S/(S + σ²) falls through ≈ 0.18 (the curve at these
    // ring sizes) at k where g² = 0.18/0.82·σ², i.e. k = 12·√(−ln(0.2195·0.0025)) = 46.6 rings = 0.73 of Nyquist (L = 128).
    const L = 128, rng = createRng(5), white = [new Float64Array(L * L).map(() => rng.normal()), new Float64Array(L * L).map(() => rng.normal())];
    const g = (k: number) => Math.exp(-(k * k) / (2 * 144));
    const a = bandLimited(L, g, rng, white, 0.05), b = bandLimited(L, g, rng, white, 0.05);
    const r = frcResolution(a, b, { window: 'none' });
    const thr = r.threshold[47]!;
    const kWant = 12 * Math.sqrt(-Math.log((thr / (1 - thr)) * 0.0025));
    // Rings of ~290 pixels: FRC scatter ≈ 1/√290 = 0.06 around a curve falling ≈ 0.04 per ring here → ±2 rings.
    expect(Math.abs(r.crossing * 64 - kWant)).toBeLessThan(2.5);
    expect(r.resolutionPixels).toBeCloseTo(1 / r.crossing, 12);
    // The Hann window (default) moves it by under a ring on this smooth spectrum.
    expect(Math.abs(frcResolution(a, b).crossing * 64 - kWant)).toBeLessThan(3);
  });

  it('undoes a sub-pixel translation given as shift (a Fourier phase ramp)', () => {
    const L = 64, rng = createRng(9), white = [new Float64Array(L * L).map(() => rng.normal()), new Float64Array(L * L).map(() => rng.normal())];
    const a = bandLimited(L, (k) => Math.exp(-(k * k) / (2 * 100)), rng, white, 0);
    // b = a translated by (−0.4, 0.7) (periodic, exact in Fourier space): shift (0.4, −0.7) maps it back.
    const re = Float64Array.from(a.re), im = Float64Array.from(a.im);
    fft2(re, im, L, L);
    const f = (u: number) => (u < L / 2 ? u : u - L);
    for (let u = 0; u < L; u++) for (let v = 0; v < L; v++) {
      const t = (-2 * Math.PI * (f(v) * -0.4 + f(u) * 0.7)) / L, i = u * L + v, x = re[i]!, y = im[i]!;
      re[i] = x * Math.cos(t) - y * Math.sin(t); im[i] = x * Math.sin(t) + y * Math.cos(t);
    }
    ifft2(re, im, L, L);
    const b = { shape: [L, L], re, im };
    const plain = frcResolution(a, b, { window: 'none' }), fixed = frcResolution(a, b, { window: 'none', shift: [0.4, -0.7] });
    expect(plain.value[28]!).toBeLessThan(0.5);
    for (let k = 1; k < fixed.value.length; k++) if (Number.isFinite(fixed.value[k]!)) expect(fixed.value[k]).toBeCloseTo(1, 8);
  });

  it('takes a constant threshold, and throws InputError on bad options and mismatched shapes', () => {
    const rng = createRng(2), L = 16, a = { shape: [L, L], re: new Float64Array(L * L).map(() => rng.normal()) };
    const b = { shape: [L, L], re: new Float64Array(L * L).map(() => rng.normal()) };
    const r = frcResolution(a, b, { threshold: 0.5 });
    expect(r.thresholdKind).toBe('constant');
    expect([...r.threshold]).toEqual(new Array(r.threshold.length).fill(0.5));
    expect(r.reachesNyquist).toBe(false); // independent noise: FRC ≈ 0
    expect(() => frcResolution(a, b, { threshold: 2 })).toThrow(InputError);
    expect(() => frcResolution(a, { shape: [L, 8], re: new Float64Array(L * 8) })).toThrow(/same shape/);
    expect(() => frcResolution(a, b, { pixelSize: -1 })).toThrow(/pixel size/);
  });
});
