import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, parseNpz, toComplexArray } from '@ptychojs/io';
import { defaultProbe } from './default-probe.js';
import { defaultProbeDefocus } from './default-probe-defocus.js';
import { farFieldAmplitude } from './far-field-amplitude.js';
import { probeRmsRadius } from './probe-rms-radius.js';

const FLY = path.resolve(import.meta.dirname, '../../../../../shared/data/fly001_probe.npz');
const energy = (p: { re: Float32Array; im: Float32Array }) => p.re.reduce((s, r, i) => s + r * r + p.im[i]! ** 2, 0);

describe('defaultProbe', () => {
  it.each([64, 128, 256])('has unit energy Σ|P|² = 1 and an rms radius ≈ N/5 at N = %i', (n) => {
    const p = defaultProbe(n);
    expect(p.shape).toEqual([n, n]);
    // Float32 planes summed in float64: relative error ~1e-7.
    expect(Math.abs(energy(p) - 1)).toBeLessThan(1e-6);
    const r = probeRmsRadius(p);
    expect(r / n).toBeGreaterThan(0.18);
    expect(r / n).toBeLessThan(0.22);
  });

  it('is centred at (N/2, N/2)', () => {
    const n = 64, p = defaultProbe(n);
    let s = 0, sx = 0, sy = 0;
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
      const I = p.re[r * n + c]! ** 2 + p.im[r * n + c]! ** 2; s += I; sx += I * c; sy += I * r;
    }
    // The pupil is symmetric except the unpaired −N/2 frequency row/column, where it is ≈ 0.
    expect(Math.abs(sx / s - n / 2)).toBeLessThan(0.05);
    expect(Math.abs(sy / s - n / 2)).toBeLessThan(0.05);
  });

  it('scales to the requested energy', () => {
    expect(energy(defaultProbe(64, { energy: 1e4 })) / 1e4).toBeCloseTo(1, 6);
  });

  it('has the smoothed pupil disk as its far field: flat inside radius R, dark outside', () => {
    const n = 64, R = 16, p = defaultProbe(n);
    const ones = { shape: [n, n], re: new Float32Array(n * n).fill(1), im: new Float32Array(n * n) };
    const A = farFieldAmplitude(p, ones);
    const at = (dr: number, dc: number) => A[(n / 2 + dr) * n + n / 2 + dc]!;
    // Pupil value ½·erfc((ρ − R)/(√2σ)), σ = 1: 1 − 6e-8 at ρ = R − 5 and 3e-7 at ρ = R + 5, relative to the centre.
    expect(Math.abs(at(0, R - 5) / at(0, 0) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(at(R - 6, 0) / at(0, 0) - 1)).toBeLessThan(1e-4);
    expect(at(0, R + 5) / at(0, 0)).toBeLessThan(1e-4);
    expect(at(0, R) / at(0, 0)).toBeCloseTo(0.5, 3);
  });

  it('without defocus is a compact Airy-like focus (much smaller rms radius)', () => {
    const focused = probeRmsRadius(defaultProbe(64, { defocusPhase: 0 }));
    expect(focused).toBeLessThan(0.5 * probeRmsRadius(defaultProbe(64)));
  });

  it.skipIf(!fs.existsSync(FLY))('is comparable in size to the fly001 probe (rms radius ≈ 12 px) (needs ../shared/data)', () => {
    const fly = toComplexArray(parseNpz(new Uint8Array(fs.readFileSync(FLY))).probeGuess!);
    const r = probeRmsRadius(fly);
    // README: unit energy, rms radius ≈ 12 px (measured 11.89 by numpy).
    expect(r).toBeCloseTo(11.894, 2);
    expect(Math.abs(probeRmsRadius(defaultProbe(64)) / r - 1)).toBeLessThan(0.15);
  });

  it('without a defocus takes defaultProbeDefocus: 0.9·R at the pupil edge (14.4 rad at N = 64), the same probe as asked for explicitly', () => {
    expect(defaultProbeDefocus(64)).toBe(14.4);
    expect(defaultProbeDefocus(64, 20)).toBe(18);
    const implicit = defaultProbe(64), explicit = defaultProbe(64, { defocusPhase: defaultProbeDefocus(64) });
    expect(Array.from(implicit.re)).toEqual(Array.from(explicit.re));
    expect(Array.from(implicit.im)).toEqual(Array.from(explicit.im));
    expect(Array.from(defaultProbe(64, { defocusPhase: 1 }).re)).not.toEqual(Array.from(implicit.re));
  });

  it('refuses sizes that are not powers of two and bad options', () => {
    expect(() => defaultProbe(60)).toThrow(InputError);
    expect(() => defaultProbe(64, { pupilRadius: 0 })).toThrow(/pupilRadius/);
    expect(() => defaultProbe(64, { energy: -1 })).toThrow(/energy/);
  });
});
