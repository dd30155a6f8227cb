import { createRng, gaussianFilter2d } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { fixturePair, imagePair, noisyPair } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { frc } from './frc.js';

/**
 * Expected n_r·FRC(r)² for two independent white-noise images under the periodic Hann window:
 * Σ_{k,k′ ∈ ring} ρ(k − k′)² / n_r, ρ the normalized DFT of w² — separable, sin⁴ has the five taps
 * (1/16, −1/4, 3/8, −1/4, 1/16) per axis. (1 without a window: the Fourier pixels are then independent.)
 */
function hannNoiseFactor(N: number, ring: number): number {
  const taps = [1 / 16, -1 / 4, 3 / 8, -1 / 4, 1 / 16], f = (u: number): number => (u <= (N - 1) / 2 ? u : u - N);
  const inRing = (u: number, v: number): boolean => Math.round(Math.hypot(f(((u % N) + N) % N), f(((v % N) + N) % N))) === ring;
  let n = 0, s = 0;
  for (let u = 0; u < N; u++) for (let v = 0; v < N; v++) {
    if (!inRing(u, v)) continue;
    n++;
    for (let du = -2; du <= 2; du++) for (let dv = -2; dv <= 2; dv++) {
      if (inRing(u + du, v + dv)) s += ((taps[du + 2]! * taps[dv + 2]!) / (3 / 8) ** 2) ** 2;
    }
  }
  return s / n;
}

describe('frc', () => {
  it('is ≡ 1 for an image compared with itself, so frc50 = 1 (never below 0.5); ring 0 is NaN under the window', () => {
    const [x] = imagePair(50, 64);
    const f = frc(x, x, 50, 64);
    expect(f.side).toBe(50);
    expect(f.window).toBe('hann');
    expect(f.value.length).toBe(26);
    expect(f.value[0]).toBeNaN();
    for (const v of f.value.subarray(1)) expect(v).toBe(1);
    expect(f.frc50).toBe(1);
    expect(f.frequency[25]).toBe(1);
    expect(Array.from(frc(x, x, 50, 64, { window: 'none' }).value)).toEqual(new Array(26).fill(1));
  });

  // numpy.fft.fft2 + bincount rings, scipy.signal.windows.hann(L, sym=False) in
  // scripts/make_fixtures.py; float64 FFT rounding ~1e-13.
  it.each(fixtures.pairs.filter((p) => p.frc).map((p) => [p.name, p] as const))('matches the numpy FRC curve and 0.5 crossing on pair %s, with the Hann window and without', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    const f = frc(x, y, p.height, p.width);
    expect(f.value.length).toBe(p.frc!.value.length);
    expect(f.value[0]).toBeNaN();
    f.value.forEach((v, r) => r > 0 && expectClose(v, p.frc!.value[r]!, 0, 1e-9, `ring ${r}`));
    expectClose(f.frc50, p.frc!.frc50, 1e-9, 0, 'frc50');
    const g = frc(x, y, p.height, p.width, { window: 'none' });
    g.value.forEach((v, r) => expectClose(v, p.frcNoWindow!.value[r]!, 0, 1e-9, `ring ${r} (no window)`));
    expectClose(g.frc50, p.frcNoWindow!.frc50, 1e-9, 0, 'frc50 (no window)');
  });

  it('no longer reads the crop edges of a smooth object as high-frequency agreement (numpy pair S)', () => {
    // S: a smooth truth, the reconstruction = truth + weak white noise. Without a window the jump
    // of the periodic extension at the crop edges, common to both, holds the FRC above 0.5 up to Nyquist.
    const s = fixtures.pairs.find((p) => p.name === 'S')!;
    expect(s.frcNoWindow!.frc50).toBe(1);
    expect(s.frc!.frc50).toBeLessThan(0.5);
    const [x, y] = fixturePair('S', s.height, s.width);
    expect(frc(x, y, s.height, s.width).frc50).toBeLessThan(0.5);
  });

  it('frc50 of a smooth object tracks the resolution: blurring the reconstruction lowers it monotonically, near the analytic crossing', () => {
    // Truth: a Gaussian random field (white noise filtered with σ₀ = 2 px, scaled to unit variance),
    // power spectrum S(f) ≈ 4πσ₀²·exp(−4π²σ₀²f²). Reconstruction: the truth blurred with σ, plus
    // white noise of variance ν² (a resolution loss the noise does not share). The FRC between them is
    // G√S / √(S G² + ν²), G = exp(−2π²σ²f²), which is ½ where S·G² = ν²/3:
    // f* = √(ln(12πσ₀²/ν²) / (4π²(σ₀² + σ²))), reported as 2f* (fraction of Nyquist).
    const L = 64, pad = 24, P = L + 2 * pad, s0 = 2, nu = 0.02, rng = createRng(21);
    const noise = Float64Array.from({ length: P * P }, () => rng.normal());
    const field = gaussianFilter2d(noise, P, P, s0);
    const sd = Math.sqrt(field.reduce((a, v) => a + v * v, 0) / field.length - (field.reduce((a, v) => a + v, 0) / field.length) ** 2);
    const big = field.map((v) => v / sd), white = Float64Array.from({ length: L * L }, () => nu * rng.normal());
    const crop = (img: Float64Array): Float64Array => Float64Array.from({ length: L * L }, (_, i) => img[(Math.floor(i / L) + pad) * P + (i % L) + pad]!);
    const truth = crop(big), blurs = [0, 0.75, 1.5, 2.25, 3];
    const measured = blurs.map((sigma) => {
      const recon = crop(gaussianFilter2d(big, P, P, sigma)).map((v, i) => v + white[i]!); // pad ≥ the filter radius: no border effects in the crop
      return [frc(truth, recon, L, L).frc50, frc(truth, recon, L, L, { window: 'none' }).frc50] as const;
    });
    for (let k = 0; k < blurs.length; k++) {
      const ideal = 2 * Math.sqrt(Math.log((12 * Math.PI * s0 * s0) / (nu * nu)) / (4 * Math.PI ** 2 * (s0 * s0 + blurs[k]! ** 2)));
      // measured within 6 % of f* on 4 numpy seeds (the window's residual leakage lifts it slightly); 12 % allowed
      expectClose(measured[k]![0], ideal, 0.12, 0, `σ = ${blurs[k]}`);
      if (k > 0) expect(measured[k]![0]).toBeLessThan(measured[k - 1]![0]);
    }
    // without the window the same reconstructions score 1 until the blur is strong (the edges win)
    expect(measured.slice(0, 3).map((m) => m[1])).toEqual([1, 1, 1]);
  });

  it('is unchanged by a constant added to either image (the window-weighted mean is removed)', () => {
    const [x, y] = noisyPair(40, 40);
    const f1 = frc(x, y, 40, 40), f2 = frc(x.map((v) => v + 5), y.map((v) => v - 2.5), 40, 40);
    f1.value.forEach((v, r) => r > 0 && expect(f2.value[r]).toBeCloseTo(v, 10));
  });

  it('equals brute-force ring sums of the direct DFT on an odd, non-square 9×12 pair (centre-cropped to 9×9)', () => {
    const rng = createRng(5), H = 9, W = 12;
    const a = Float64Array.from({ length: H * W }, () => rng.normal()), b = Float64Array.from({ length: H * W }, () => rng.normal());
    const L = 9, c0 = 1; // ⌊(12 − 9)/2⌋
    const F = (img: Float64Array, u: number, v: number): [number, number] => {
      let re = 0, im = 0;
      for (let r = 0; r < L; r++) for (let c = 0; c < L; c++) {
        const ang = (-2 * Math.PI * (u * r + v * c)) / L, val = img[r * W + c + c0]!;
        re += val * Math.cos(ang); im += val * Math.sin(ang);
      }
      return [re, im];
    };
    const cross = new Float64Array(5), pa = new Float64Array(5), pb = new Float64Array(5);
    for (let u = -4; u <= 4; u++) for (let v = -4; v <= 4; v++) {
      const ring = Math.round(Math.hypot(u, v));
      if (ring > 4) continue;
      const [ar, ai] = F(a, u, v), [br, bi] = F(b, u, v);
      cross[ring] = cross[ring]! + ar * br + ai * bi;
      pa[ring] = pa[ring]! + ar * ar + ai * ai;
      pb[ring] = pb[ring]! + br * br + bi * bi;
    }
    const f = frc(a, b, H, W, { window: 'none' });
    expect(f.side).toBe(9);
    for (let r = 0; r <= 4; r++) expect(f.value[r]).toBeCloseTo(cross[r]! / Math.sqrt(pa[r]! * pb[r]!), 10);
    expect(Array.from(f.frequency)).toEqual([0, 1 / 4.5, 2 / 4.5, 3 / 4.5, 4 / 4.5]);
  });

  it.each(['none', 'hann'] as const)('is near 0 for independent white noise (window %s): |FRC(r)| ≤ 4σ_r on every ring and n_r·FRC²/κ_r averages ≈ 1', (window) => {
    const rng = createRng(11), N = 128;
    const a = Float64Array.from({ length: N * N }, () => rng.normal()), b = Float64Array.from({ length: N * N }, () => rng.normal());
    const f = frc(a, b, N, N, { window });
    let chi = 0, rings = 0, inflation = 0;
    for (let r = 1; r < f.value.length; r++) {
      const n = f.ringPixels[r]!, kappa = window === 'hann' ? hannNoiseFactor(N, r) : 1;
      // var FRC(r) ≈ κ_r/n_r (κ = 1 without a window: n/2 independent complex values); 4σ bound, family-wise p ≈ 0.4 %
      expect(Math.abs(f.value[r]!)).toBeLessThanOrEqual(4 * Math.sqrt(kappa / n));
      chi += (n * f.value[r]! ** 2) / kappa; rings++; inflation += kappa;
    }
    // mean over 64 rings: expectation 1, sd ≈ 0.2 (numpy, 100 draws)
    expect(chi / rings).toBeGreaterThan(0.45);
    expect(chi / rings).toBeLessThan(1.65);
    // the window's price: about 1.86× the variance of the unwindowed FRC
    if (window === 'hann') expectClose(inflation / rings, 1.86, 0.02, 0, 'mean κ');
    expect(f.frc50).toBeLessThan(0.05);
  });

  it('throws InputError for an unknown window or a Hann window on a crop under 4×4', () => {
    const x = new Float64Array(9);
    expect(() => frc(x, x, 3, 3)).toThrow(/at least 4×4/);
    expect(frc(x.map((_, i) => i), x.map((_, i) => i), 3, 3, { window: 'none' }).frc50).toBe(1);
    expect(() => frc(new Float64Array(16), new Float64Array(16), 4, 4, { window: 'tukey' as 'hann' })).toThrow(/unknown window/);
  });

  it('is unchanged when one image is scaled by a positive gain', () => {
    const [x, y] = noisyPair(40, 40);
    const f1 = frc(x, y, 40, 40), f2 = frc(x, y.map((v) => 3.7 * v), 40, 40);
    f1.value.forEach((v, r) => r > 0 && expect(f2.value[r]).toBeCloseTo(v, 12));
  });
});
