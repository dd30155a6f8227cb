import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { fixturePair, imagePair } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { mae } from './mae.js';
import { psnr } from './psnr.js';

describe('psnr and mae', () => {
  it('give ∞ dB and 0 for identical images', () => {
    const [x] = imagePair(20, 30);
    expect(psnr(x, x, 20, 30)).toBe(Infinity);
    expect(mae(x, x, 20, 30)).toBe(0);
  });

  it('a constant offset d gives PSNR = 20·log10(L/d) and MAE = d', () => {
    const [x] = imagePair(20, 30);
    const y = x.map((v) => v + 0.125);
    expect(psnr(x, y, 20, 30, { dataRange: 2 })).toBeCloseTo(20 * Math.log10(2 / 0.125), 10);
    expect(mae(x, y, 20, 30)).toBeCloseTo(0.125, 14);
  });

  it.each(fixtures.pairs.map((p) => [p.name, p] as const))('match numpy on pair %s', (_, p) => {
    const [x, y] = fixturePair(p.name, p.height, p.width);
    expectClose(psnr(x, y, p.height, p.width), p.psnr, 1e-9, 0, 'psnr');
    expectClose(mae(x, y, p.height, p.width), p.mae, 1e-9, 0, 'mae');
  });
});
