import { InputError } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { fixturePair, imagePair } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { msSsim } from './ms-ssim.js';
import { msSsimScales } from './ms-ssim-scales.js';
import { ssim } from './ssim.js';

describe('msSsim', () => {
  it('is exactly 1 for an image compared with itself (5 scales)', () => {
    const [x] = imagePair(170, 165);
    expect(msSsimScales(170, 165)).toBe(5);
    expect(msSsim(x, x, 170, 165)).toBe(1);
  });

  // scripts/make_fixtures.py: Wang's MATLAB recipe (cs per scale, full SSIM at the coarsest, 2×2 mean
  // with symmetric extension, weights renormalized over the scales kept), numpy/scipy float64.
  it.each(fixtures.pairs.map((p) => [p.name, p] as const))('matches the independent numpy/scipy Wang-2003 MS-SSIM on pair %s to 1e-6 relative', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    expect(msSsimScales(p.height, p.width)).toBe(p.msssimScales);
    expectClose(msSsim(x, y, p.height, p.width), p.msssim, 1e-6, 0, `msssim ${p.name}`);
  });

  it('uses 5 scales from a 161-px side, fewer below, none under the 11-px window', () => {
    expect([msSsimScales(161, 300), msSsimScales(160, 300), msSsimScales(81, 81), msSsimScales(21, 40), msSsimScales(11, 11), msSsimScales(10, 99)]).toEqual([5, 4, 4, 2, 1, 0]);
  });

  it('reduces to SSIM when only one scale fits (weights renormalized)', () => {
    const [x, y] = imagePair(15, 20);
    expect(msSsim(x, y, 15, 20)).toBeCloseTo(ssim(x, y, 15, 20), 14);
  });

  it('throws InputError for images smaller than the window', () => {
    const x = new Float64Array(100).map((_, i) => i % 7);
    expect(() => msSsim(x, x, 10, 10)).toThrow(InputError);
  });
});
