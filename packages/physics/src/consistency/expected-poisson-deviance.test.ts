import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { expectedPoissonDeviance } from './expected-poisson-deviance.js';
import { poissonDeviance } from './poisson-deviance.js';

// [μ, E[D | μ]] from scipy.stats.poisson.pmf summed in long double: scripts/residual-reference-values.py.
const SCIPY: readonly (readonly [number, number])[] = [
  [1e-9, 4.144653168e-08], [1e-6, 2.76310225e-05], [0.001, 0.01381689656], [0.01, 0.09224174604],
  [0.1, 0.4740978477], [0.3, 0.8398188823], [0.5, 1.007017569], [1, 1.146805618], [1.3, 1.160280214],
  [2, 1.139403842], [5, 1.046676966], [10, 1.01882854], [30, 1.005753749], [99, 1.001700843],
  [100, 1.001683659], [101, 1.00166682], [1000, 1.000166834], [100000, 1.000001667],
];

describe('expectedPoissonDeviance', () => {
  it('equals the pmf sum computed with scipy at every regime (μ ≪ 1, table, expansion)', () => {
    for (const [mu, want] of SCIPY) {
      // Table interpolation at 200 points per decade: < 2e-5 relative; μ ≤ 1e-8: −2μ ln μ is off by ≈ μ ln 2/ln(1/μ) relative.
      expect(Math.abs(expectedPoissonDeviance(mu) / want - 1), `μ = ${mu}`).toBeLessThan(2e-5);
    }
  });

  it('is 0 at μ = 0 and tends to 1 (χ²₁) at high rates', () => {
    expect(expectedPoissonDeviance(0)).toBe(0);
    expect(expectedPoissonDeviance(1e8)).toBeCloseTo(1, 8);
  });

  it('is the mean deviance of Poisson draws (Monte Carlo, 2·10⁵ draws at μ = 0.2 and 3)', () => {
    const rng = createRng(7);
    for (const mu of [0.2, 3]) {
      let s = 0, s2 = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) { const d = poissonDeviance(rng.poisson(mu), mu); s += d; s2 += d * d; }
      const mean = s / n, se = Math.sqrt((s2 / n - mean * mean) / n);
      // Within 4 standard errors of the sample mean.
      expect(Math.abs(mean - expectedPoissonDeviance(mu)), `μ = ${mu}: mean ${mean} ± ${se}`).toBeLessThan(4 * se);
    }
  });

  it('throws InputError for a negative or non-finite rate', () => {
    expect(() => expectedPoissonDeviance(-1)).toThrow(InputError);
    expect(() => expectedPoissonDeviance(Number.NaN)).toThrow(/finite/);
  });
});

describe('poissonDeviance', () => {
  it('is 2(y ln(y/μ) − (y − μ)), 0 at y = μ, 2μ at y = 0', () => {
    expect(poissonDeviance(3, 3)).toBe(0);
    expect(poissonDeviance(0, 0.7)).toBeCloseTo(1.4, 14);
    expect(poissonDeviance(5, 2)).toBeCloseTo(2 * (5 * Math.log(2.5) - 3), 14);
  });
});
