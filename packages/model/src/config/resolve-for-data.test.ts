import { describe, expect, it } from 'vitest';
import { isInputError } from '@ptychojs/io';
import { gaussianProbe } from '../__fixtures__/simulate-groups.js';
import { resolveForData } from './resolve-for-data.js';
import { resolveRunConfig } from './resolve-run-config.js';
import { resolvedRunConfigSchema } from './run-config.js';

/** A flat N×N probe: 3/4 of its energy lies outside the central N/2 square. */
const flat = (N: number) => ({ shape: [N, N], re: new Float32Array(N * N).fill(1), im: new Float32Array(N * N) });

describe('resolveForData', () => {
  it("chooses the extent from the probe (flat: 75 % outside → 'full'; Gaussian σ = N/8: 0.94 % → 'center') and takes the dose", () => {
    const wide = resolveForData(resolveRunConfig({}), { probe: flat(32), nphotons: 1e5 });
    expect(wide.config.objectExtent).toBe('full');
    expect(wide.extent.outsideFraction).toBeCloseTo(0.75, 6);
    expect(wide.extent.source).toBe('auto');
    expect(wide.config.nphotons).toBe(1e5);
    const narrow = resolveForData(resolveRunConfig({}), { probe: gaussianProbe(64), nphotons: 1e9 });
    expect(narrow.config.objectExtent).toBe('center');
    // ∫ outside the ±N/4 square of a Gaussian |P|² with σ_I = N/(8√2): 1 − erf(2)² = 0.00935.
    expect(narrow.extent.outsideFraction).toBeCloseTo(1 - 0.995322265 ** 2, 3);
  });

  it('keeps a requested extent, freezes the result, and the resolved schema accepts it', () => {
    const r = resolveForData(resolveRunConfig({ objectExtent: 'border', gridsize: 1 }), { probe: flat(32), nphotons: 2e6 });
    expect(r.config.objectExtent).toBe('border');
    expect(r.extent.source).toBe('requested');
    expect(Object.isFrozen(r.config)).toBe(true);
    expect(resolvedRunConfigSchema.parse(r.config)).toEqual(r.config);
    expect(resolvedRunConfigSchema.safeParse({ ...r.config, objectExtent: 'auto' }).success).toBe(false);
    expect(resolvedRunConfigSchema.safeParse({ ...r.config, nphotons: undefined }).success).toBe(false);
  });

  it('refuses a dose that is not a finite number > 0, naming nphotons', () => {
    for (const nphotons of [0, -1, Number.NaN, Infinity]) {
      let err: unknown;
      try { resolveForData(resolveRunConfig({}), { probe: flat(32), nphotons }); } catch (e) { err = e; }
      expect(isInputError(err) && err.key).toBe('nphotons');
    }
  });
});
