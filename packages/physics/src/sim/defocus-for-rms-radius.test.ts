import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { defaultProbe } from './default-probe.js';
import { defocusForRmsRadius } from './defocus-for-rms-radius.js';
import { probeEnergyOutsideCentre } from './probe-energy-outside-centre.js';
import { probeRmsRadius } from './probe-rms-radius.js';

describe('defocusForRmsRadius', () => {
  it('inverts probeRmsRadius(defaultProbe(n, { defocusPhase })) at N = 64 and 128', () => {
    for (const [n, target] of [[64, 15.5], [64, 6], [128, 30]] as const) {
      const d = defocusForRmsRadius(n, target);
      // Bisection to 1e-9 rad on a smooth curve of slope ≈ 0.9 px/rad: far below 1e-6 px.
      expect(Math.abs(probeRmsRadius(defaultProbe(n, { defocusPhase: d })) - target)).toBeLessThan(1e-6);
    }
  });

  it("gives the wide probe of the fidelity benchmark: 15.5 px ↔ 1.1·R, 27% of the energy outside the central N/2 square", () => {
    const d = defocusForRmsRadius(64, 15.5);
    // 1.1·R = 17.6 rad gives 15.51 px (physics measurement); the curve's slope ≈ 0.87 px/rad.
    expect(d).toBeGreaterThan(17.5);
    expect(d).toBeLessThan(17.6);
    expect(probeEnergyOutsideCentre(defaultProbe(64, { defocusPhase: d }))).toBeCloseTo(0.27, 2);
  });

  it('refuses radii the defocused pupil cannot reach, naming the range', () => {
    expect(() => defocusForRmsRadius(64, 1)).toThrow(InputError);
    expect(() => defocusForRmsRadius(64, 40)).toThrow(/1\.98 … 2\d\.\d\d px/);
    expect(() => defocusForRmsRadius(64, Number.NaN)).toThrow(InputError);
  });
});
