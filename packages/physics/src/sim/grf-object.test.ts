import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { grfObject } from './grf-object.js';

/** Pearson correlation between the map and itself shifted by `lag` columns. */
function lagCorrelation(v: Float64Array, H: number, W: number, lag: number): number {
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c + lag < W; c++) {
    const a = v[r * W + c]!, b = v[r * W + c + lag]!;
    sa += a; sb += b; saa += a * a; sbb += b * b; sab += a * b; n++;
  }
  const ca = saa / n - (sa / n) ** 2, cb = sbb / n - (sb / n) ** 2;
  return (sab / n - (sa / n) * (sb / n)) / Math.sqrt(ca * cb);
}

describe('grfObject', () => {
  it('is repeatable per seed and differs between seeds', () => {
    const a = grfObject({ height: 30, width: 40, rng: createRng(1) });
    expect(a.shape).toEqual([30, 40]);
    expect(grfObject({ height: 30, width: 40, rng: createRng(1) }).re).toEqual(a.re);
    expect(grfObject({ height: 30, width: 40, rng: createRng(2) }).re).not.toEqual(a.re);
  });

  it('has uniform marginals: amplitude on (0.5, 1) with mean 0.75, phase on (−π/2, π/2) with mean 0', () => {
    const H = 256, W = 256, o = grfObject({ height: H, width: W, rng: createRng(3) });
    const A = Float64Array.from(o.re, (r, i) => Math.hypot(r, o.im[i]!));
    const P = Float64Array.from(o.re, (r, i) => Math.atan2(o.im[i]!, r));
    expect(Math.min(...A)).toBeGreaterThan(0.5 - 1e-6);
    expect(Math.max(...A)).toBeLessThan(1 + 1e-6);
    expect(Math.max(...P.map(Math.abs))).toBeLessThan(Math.PI / 2 + 1e-6);
    // Standardized over the image, so Φ(g) has mean ≈ 1/2 up to the skew of a finite field
    // (~1e-3 here); 0.01 on a range of 0.5 is a loose but failing-when-wrong bound.
    expect(Math.abs(A.reduce((s, a) => s + a, 0) / A.length - 0.75)).toBeLessThan(0.01);
    expect(Math.abs(P.reduce((s, p) => s + p, 0) / P.length)).toBeLessThan(0.03);
    // Uniform: a quarter of the pixels in each quarter of the range (±0.03).
    const q = A.filter((a) => a < 0.625).length / A.length;
    expect(Math.abs(q - 0.25)).toBeLessThan(0.03);
  });

  it('has the Gaussian-spectrum correlation exp(−r²/2ℓ²), seen through Φ as (6/π)·asin(ρ/2)', () => {
    // ℓ = 4: ρ(4) = e^{−1/2} → 0.588 and ρ(8) = e^{−2} → 0.129 after the Φ mapping (Gaussian
    // copula). 512² pixels hold ~2600 correlation areas of 2πℓ², so the sampling error of a
    // correlation is ≈ 0.02; 0.06 is 3 standard errors.
    const H = 512, W = 512, o = grfObject({ height: H, width: W, rng: createRng(9), correlationLength: 4 });
    const A = Float64Array.from(o.re, (r, i) => Math.hypot(r, o.im[i]!));
    const copula = (rho: number) => (6 / Math.PI) * Math.asin(rho / 2);
    expect(Math.abs(lagCorrelation(A, H, W, 4) - copula(Math.exp(-0.5)))).toBeLessThan(0.06);
    expect(Math.abs(lagCorrelation(A, H, W, 8) - copula(Math.exp(-2)))).toBeLessThan(0.06);
  });

  it('with a power-law spectrum (β = 3, ℓ = 8) has the correlation its spectrum predicts', () => {
    // Expected values from numpy (scripts/sim-reference-values.py): C = real(ifft2(S)) on the same 256² grid with
    // S = (|f|² + (1/(2π·8))²)^(−3/2), S(0) = 0; ρ(lag) = C[0,lag]/C[0,0] → 0.626, 0.377 at lags 4, 8,
    // mapped through the copula to 0.608, 0.363. Large-scale structure means fewer independent
    // samples than the Gaussian case (≈ 0.04 sampling error), so 0.1.
    const H = 256, W = 256, o = grfObject({ height: H, width: W, rng: createRng(4), spectrum: 'power' });
    const A = Float64Array.from(o.re, (r, i) => Math.hypot(r, o.im[i]!));
    expect(Math.abs(lagCorrelation(A, H, W, 4) - 0.608)).toBeLessThan(0.1);
    expect(Math.abs(lagCorrelation(A, H, W, 8) - 0.363)).toBeLessThan(0.1);
    // A Gaussian spectrum with ℓ = 4 has no correlation left at lag 16 (ρ = e^{−8}).
    const g = grfObject({ height: H, width: W, rng: createRng(4), spectrum: 'gaussian' });
    expect(Math.abs(lagCorrelation(Float64Array.from(g.re, (r, i) => Math.hypot(r, g.im[i]!)), H, W, 16))).toBeLessThan(0.1);
  });

  it('refuses bad options with an InputError', () => {
    expect(() => grfObject({ height: 10, width: 10, rng: createRng(0), correlationLength: -1 })).toThrow(InputError);
    expect(() => grfObject({ height: 10, width: 10, rng: createRng(0), spectrum: 'pink' as 'power' })).toThrow(/spectrum/);
  });
});
