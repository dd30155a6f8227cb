import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { imagePair, noisyPair } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { frc } from './frc.js';

describe('frc', () => {
  it('is ≡ 1 for an image compared with itself, so frc50 = 1 (never below 0.5)', () => {
    const [x] = imagePair(50, 64);
    const f = frc(x, x, 50, 64);
    expect(f.side).toBe(50);
    expect(f.value.length).toBe(26);
    for (const v of f.value) expect(v).toBe(1);
    expect(f.frc50).toBe(1);
    expect(f.frequency[25]).toBe(1);
  });

  // numpy.fft.fft2 + bincount rings in scripts/make_fixtures.py; float64 FFT rounding ~1e-13.
  it.each(fixtures.pairs.filter((p) => p.frc).map((p) => [p.name, p] as const))('matches the numpy FRC curve and 0.5 crossing on pair %s', (_, p) => {
    const [x, y] = p.name === 'E' ? noisyPair(p.height, p.width) : imagePair(p.height, p.width);
    const f = frc(x, y, p.height, p.width);
    expect(f.value.length).toBe(p.frc!.value.length);
    f.value.forEach((v, r) => expectClose(v, p.frc!.value[r]!, 0, 1e-9, `ring ${r}`));
    expectClose(f.frc50, p.frc!.frc50, 1e-9, 0, 'frc50');
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
    const f = frc(a, b, H, W);
    expect(f.side).toBe(9);
    for (let r = 0; r <= 4; r++) expect(f.value[r]).toBeCloseTo(cross[r]! / Math.sqrt(pa[r]! * pb[r]!), 10);
    expect(Array.from(f.frequency)).toEqual([0, 1 / 4.5, 2 / 4.5, 3 / 4.5, 4 / 4.5]);
  });

  it('is near 0 for independent white noise: |FRC(r)| ≤ 4/√n_r on every ring and n_r·FRC² averages ≈ 1', () => {
    const rng = createRng(11), N = 128;
    const a = Float64Array.from({ length: N * N }, () => rng.normal()), b = Float64Array.from({ length: N * N }, () => rng.normal());
    const f = frc(a, b, N, N);
    let chi = 0, rings = 0;
    for (let r = 1; r < f.value.length; r++) {
      const n = f.ringPixels[r]!;
      // std of FRC on a ring of n Fourier pixels (n/2 independent complex values) is 1/√n: 4σ bound, family-wise p ≈ 0.4 %
      expect(Math.abs(f.value[r]!)).toBeLessThanOrEqual(4 / Math.sqrt(n));
      chi += n * f.value[r]! ** 2; rings++;
    }
    // mean of n·FRC² over 64 rings: expectation 1, sd ≈ √(2/64) ≈ 0.18
    expect(chi / rings).toBeGreaterThan(0.5);
    expect(chi / rings).toBeLessThan(1.6);
    expect(f.frc50).toBeLessThan(0.05);
  });

  it('is unchanged when one image is scaled by a positive gain', () => {
    const [x, y] = noisyPair(40, 40);
    const f1 = frc(x, y, 40, 40), f2 = frc(x, y.map((v) => 3.7 * v), 40, 40);
    f1.value.forEach((v, r) => expect(f2.value[r]).toBeCloseTo(v, 12));
  });
});
