import { InputError } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { fixturePair, imagePair } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { ssim } from './ssim.js';


describe('ssim', () => {
  it('is exactly 1 for an image compared with itself', () => {
    const [x] = imagePair(40, 50);
    expect(ssim(x, x, 40, 50)).toBe(1);
    expect(ssim(Float32Array.from(x), Float32Array.from(x), 40, 50)).toBe(1);
  });

  // scripts/make_fixtures.py: 2-D Gaussian window, scipy.signal.convolve2d 'valid', float64.
  // Both sides do the same float64 sums in a different order: agreement ~1e-13, asserted at 1e-6 (the brief's bar).
  it.each(fixtures.pairs.map((p) => [p.name, p] as const))('matches the independent numpy/scipy Wang-2004 SSIM on pair %s to 1e-6 relative', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    expectClose(ssim(x, y, p.height, p.width), p.ssim, 1e-6, 0, `ssim ${p.name}`);
    // the default data range is the reference's max − min
    expectClose(ssim(x, y, p.height, p.width, { dataRange: p.dataRange }), p.ssim, 1e-6, 0, `ssim ${p.name} (L given)`);
  });

  it.each(fixtures.pairs.map((p) => [p.name, p] as const))('with scikit-image settings (7×7 uniform, sample covariance) matches the reference on pair %s', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    expectClose(ssim(x, y, p.height, p.width, { window: 'uniform', windowSize: 7, sampleCovariance: true }), p.ssimSkimage, 1e-6, 0, `skimage ssim ${p.name}`);
  });

  it('is symmetric in its arguments when L is fixed', () => {
    const [x, y] = imagePair(30, 30);
    expectClose(ssim(x, y, 30, 30, { dataRange: 2 }), ssim(y, x, 30, 30, { dataRange: 2 }), 1e-14, 0, 'symmetry');
  });

  it('rejects images smaller than the window, a constant reference, and NaN, naming the problem', () => {
    const x = new Float64Array(10 * 10).map((_, i) => i);
    expect(() => ssim(x, x, 10, 10)).toThrow(/smaller than the 11×11 window/);
    const flat = new Float64Array(144).fill(3);
    expect(() => ssim(flat, flat, 12, 12)).toThrow(InputError);
    expect(ssim(flat, flat, 12, 12, { dataRange: 1 })).toBe(1);
    const bad = new Float64Array(144).fill(1); bad[13] = NaN;
    expect(() => ssim(flat, bad, 12, 12, { dataRange: 1 })).toThrow(/non-finite value at pixel \(1, 1\)/);
  });
});
