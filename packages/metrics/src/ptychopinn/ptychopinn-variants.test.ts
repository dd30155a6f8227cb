import { describe, expect, it } from 'vitest';
import { fixtures } from '../../test/fixtures.js';
import { fixturePair, imagePair, noisyPair } from '../../test/fixture-images.js';
import { expectClose } from '../../test/expect-close.js';
import { frc } from '../frc.js';
import { gaussianFilter2d } from '@ptychojs/io';
import { frcPtychopinn } from './frc-ptychopinn.js';
import { msSsimPtychopinn } from './ms-ssim-ptychopinn.js';


// Reference: scripts/make_fixtures.py re-implements ptycho/evaluation.py's ms_ssim and frc50 with
// numpy/scipy (scikit-image's SSIM written out: uniform 7×7, sample covariance; scipy gaussian_filter).
describe('msSsimPtychopinn (PtychoPINN ms_ssim)', () => {
  it.each(fixtures.pairs.map((p) => [p.name, p] as const))('matches the numpy re-implementation on pair %s (σ = 0, and σ = 1 where given)', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    expectClose(msSsimPtychopinn(x, y, p.height, p.width), p.msssimPtychopinn, 1e-6, 0, `pair ${p.name}`);
    if (p.msssimPtychopinnSigma1 !== undefined) expectClose(msSsimPtychopinn(x, y, p.height, p.width, { sigma: 1 }), p.msssimPtychopinnSigma1, 1e-6, 0, `pair ${p.name} σ=1`);
  });

  it('is 1 for identical images', () => {
    const [x] = imagePair(64, 70);
    expect(msSsimPtychopinn(x, x, 64, 70)).toBe(1);
  });
});

describe('frcPtychopinn (PtychoPINN frc50 / FSC)', () => {
  it.each(fixtures.pairs.filter((p) => p.frcPtychopinn).map((p) => [p.name, p] as const))('matches the numpy re-implementation (|FRC|, rings to the corner, curve smoothed σ = 2) on pair %s', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    const f = frcPtychopinn(x, y, p.height, p.width);
    expect(f.value.length).toBe(p.frcPtychopinn!.value.length);
    f.value.forEach((v, r) => expectClose(v, p.frcPtychopinn!.value[r]!, 0, 1e-9, `ring ${r}`));
    expectClose(f.frc50, p.frcPtychopinn!.frc50, 1e-9, 0, 'frc50');
  });

  it('without smoothing is |unwindowed standard FRC| up to Nyquist, then continues to the corner', () => {
    const [x, y] = noisyPair(48, 48);
    const s = frc(x, y, 48, 48, { window: 'none' }), p = frcPtychopinn(x, y, 48, 48, { sigma: 0 });
    expect(p.value.length).toBe(Math.round(24 * Math.SQRT2) + 1);
    s.value.forEach((v, r) => expect(p.value[r]).toBeCloseTo(Math.abs(v), 12));
  });

  it("reports len(curve)/(L/2) when the curve never drops below 0.5, like PtychoPINN's len(shellcorr)", () => {
    const [x] = imagePair(40, 40);
    const p = frcPtychopinn(x, x, 40, 40);
    expect(p.frc50).toBeCloseTo(p.value.length / 20, 14);
  });

  it("with smooth: 'images' is the unsmoothed FRC of the two Gaussian-filtered images", () => {
    // gaussianFilter2d is scipy's gaussian_filter (checked through the σ = 1 MS-SSIM fixtures above)
    const [x, y] = noisyPair(64, 64);
    const a = frcPtychopinn(x, y, 64, 64, { sigma: 1, smooth: 'images' });
    const b = frcPtychopinn(gaussianFilter2d(x, 64, 64, 1), gaussianFilter2d(y, 64, 64, 1), 64, 64, { sigma: 0 });
    expect(Array.from(a.value)).toEqual(Array.from(b.value));
    // …which is not a harmless choice: the filter's border terms are common to both images and lift
    // the high-frequency FRC, so the crossing moves from ≈ 0.75 of Nyquist to past the corner
    expect(frcPtychopinn(x, y, 64, 64).frc50).toBeLessThan(0.8);
    expect(a.frc50).toBeGreaterThan(1.4);
  });
});
