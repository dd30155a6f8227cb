import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';

describe('createRng', () => {
  it('is repeatable for a seed and differs between seeds', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = Array.from({ length: 8 }, () => a.next());
    expect(Array.from({ length: 8 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.next())).not.toEqual(sa);
  });

  it('draws uniforms with mean 1/2 and variance 1/12', () => {
    // n = 2e5: standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4, so 5e-3 is > 7 sigma.
    const r = createRng(1), n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const u = r.next(); expect(u).toBeGreaterThanOrEqual(0); expect(u).toBeLessThan(1); s += u; s2 += u * u; }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const r = createRng(2), n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; }
    // SE of mean 2.2e-3, SE of variance ≈ sqrt(2/n) = 3.2e-3: tolerance 0.015 is ~5 sigma.
    expect(Math.abs(s / n)).toBeLessThan(0.015);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.015);
  });

  it.each([0.3, 4, 25, 1e4])('draws Poisson(%d) with mean and variance λ', (lambda) => {
    const r = createRng(3), n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const k = r.poisson(lambda); expect(Number.isInteger(k)).toBe(true); s += k; s2 += k * k; }
    const mean = s / n, variance = s2 / n - mean * mean;
    // SE of the mean is sqrt(λ/n); 6 SE keeps the false-failure rate negligible. Variance within 3%.
    expect(Math.abs(mean - lambda)).toBeLessThan(6 * Math.sqrt(lambda / n));
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.03);
  });

  it('refuses negative or NaN Poisson rates', () => {
    expect(() => createRng(0).poisson(-1)).toThrow(/rate/);
    expect(() => createRng(0).poisson(Number.NaN)).toThrow(/rate/);
  });

  it('shuffles into a permutation', () => {
    const a = Array.from({ length: 100 }, (_, i) => i);
    createRng(5).shuffle(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
