import { describe, expect, it } from 'vitest';
import type { ComplexArray } from '@ptychojs/io';
import { patchCorrelation } from './patch-correlation.js';

const N = 16, B = 2, C = 2;

/** (B, N, N, channels) complex float32 from amplitude and phase formulas. */
function field(channels: number, amp: (b: number, c: number, i: number, j: number) => number, phase: (b: number, c: number, i: number, j: number) => number): ComplexArray {
  const n = B * N * N * channels, re = new Float32Array(n), im = new Float32Array(n);
  for (let b = 0; b < B; b++) for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let c = 0; c < channels; c++) {
    const k = ((b * N + i) * N + j) * channels + c, a = amp(b, c, i, j), p = phase(b, c, i, j);
    re[k] = a * Math.cos(p); im[k] = a * Math.sin(p);
  }
  return { shape: [B, N, N, channels], re, im };
}

const truthAmp = (b: number, c: number, i: number, j: number) => 0.6 + 0.3 * Math.sin(i / 3 + b) * Math.cos(j / 4 + c);
const truthPhase = (b: number, c: number, i: number, j: number) => 0.9 * Math.sin(j / 5 + 0.5 * b) - 0.4 * Math.cos(i / 3 + c);
const truth = field(C, truthAmp, truthPhase);

describe('patchCorrelation', () => {
  it('is 1 and 1 for the truth itself under any global phase and an affine amplitude change', () => {
    const pred = field(1, (b, _c, i, j) => 2 * truthAmp(b, 1, i, j) + 0.3, (b, _c, i, j) => truthPhase(b, 1, i, j) + 1.2 + b);
    const r = patchCorrelation(pred, truth, N, 1);
    // Pearson r is invariant to affine changes; float32 planes limit agreement to ~1e-6.
    expect(r.amplitude).toBeCloseTo(1, 5);
    expect(r.phase).toBeCloseTo(1, 5);
  });

  it('looks only at the central N/2×N/2 of each patch', () => {
    const inside = (i: number, j: number) => i >= N / 4 && i < (3 * N) / 4 && j >= N / 4 && j < (3 * N) / 4;
    const pred = field(1, (b, _c, i, j) => (inside(i, j) ? truthAmp(b, 0, i, j) : 5), (b, _c, i, j) => (inside(i, j) ? truthPhase(b, 0, i, j) : -3));
    const r = patchCorrelation(pred, truth, N, 0);
    expect(r.amplitude).toBeCloseTo(1, 5);
    expect(r.phase).toBeCloseTo(1, 5);
  });

  it('matches numpy (np.corrcoef after removing the global phase) on a partly wrong prediction', () => {
    const pred = field(1,
      (b, _c, i, j) => 0.5 + 0.2 * Math.sin(i / 3 + b + 0.2) * Math.cos(j / 5) + 0.05 * Math.cos(i + j),
      (b, _c, i, j) => 0.8 * Math.sin(j / 5 + 0.5 * b) - 0.3 * Math.cos(i / 2) + 0.7);
    const r = patchCorrelation(pred, truth, N, 1);
    // Reference: numpy in float64 on the same complex64 fields (script in the commit message);
    // float32 storage leaves agreement to ~1e-7.
    expect(r.amplitude).toBeCloseTo(0.06611645871866018, 6);
    expect(r.phase).toBeCloseTo(0.9758484806055123, 6);
  });

  it('scores a flat prediction as uncorrelated (0, not NaN)', () => {
    const r = patchCorrelation(field(1, () => 1, () => 0), truth, N);
    expect(r.amplitude).toBe(0); // zero variance: defined as 0
    // After the global phase is removed, the flat phase is constant up to rounding of the offset: r ≈ 0.
    expect(Math.abs(r.phase)).toBeLessThan(1e-3);
  });
});
