import { describe, expect, it } from 'vitest';
import { defaultProbe } from './default-probe.js';
import { modelProbe } from './model-probe.js';

const energy = (p: { re: Float32Array; im: Float32Array }) => p.re.reduce((s, r, i) => s + r * r + p.im[i]! ** 2, 0);

describe('modelProbe', () => {
  it('scales the probe to Σ|P|² = N² and reports the factor', () => {
    const raw = defaultProbe(64); // Σ|P|² = 1
    const { probe, probeScale } = modelProbe(raw, 64);
    // Float32 planes summed in float64: relative error ~1e-7.
    expect(Math.abs(energy(probe) / 64 ** 2 - 1)).toBeLessThan(1e-6);
    expect(probeScale).toBeCloseTo(64 / Math.sqrt(energy(raw)), 10);
    expect(probe.re[100]).toBe(Math.fround(raw.re[100]! * probeScale));
  });

  it('leaves a probe without energy as it is (factor 1)', () => {
    const zero = { shape: [8, 8], re: new Float32Array(64), im: new Float32Array(64) };
    expect(modelProbe(zero, 8).probeScale).toBe(1);
  });
});
