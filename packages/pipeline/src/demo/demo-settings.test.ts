import { describe, expect, it } from 'vitest';
import { defaultProbe, defocusForRmsRadius, probeEnergyOutsideCentre, probeRmsRadius } from '@ptychojs/physics';
import { DEMO } from './demo-settings.js';

describe('the demo probe (issue 8: as large as real probes)', () => {
  it('has an rms radius ≥ 12 px with ≥ 20% of its energy outside the central N/2 square', () => {
    const probe = defaultProbe(64, { defocusPhase: DEMO.probe.defocusPhase });
    // The stored defocus is defocusForRmsRadius(64, 15.5) to 1e-9 rad (the fidelity benchmark's cases A–C); the radius follows it.
    expect(DEMO.probe.defocusPhase).toBeCloseTo(defocusForRmsRadius(64, 15.5), 6);
    expect(probeRmsRadius(probe)).toBeCloseTo(15.5, 3);
    expect(probeEnergyOutsideCentre(probe)).toBeGreaterThan(0.2);
  });
});
