import { describe, expect, it } from 'vitest';
import { createRng } from '@ptychojs/io';
import { meanIlluminatedEnergy } from './mean-illuminated-energy.js';

describe('meanIlluminatedEnergy', () => {
  it('is N²·a² for a unit-modulus probe on patches of constant amplitude a', () => {
    const N = 8, B = 3, C = 4, a = 0.7;
    const phase = (k: number) => 0.3 * k;
    const probe = { shape: [N, N], re: Float32Array.from({ length: N * N }, (_, k) => Math.cos(phase(k))), im: Float32Array.from({ length: N * N }, (_, k) => Math.sin(phase(k))) };
    const n = B * N * N * C;
    const Y = { shape: [B, N, N, C], re: Float32Array.from({ length: n }, (_, k) => a * Math.cos(-1.1 * k)), im: Float32Array.from({ length: n }, (_, k) => a * Math.sin(-1.1 * k)) };
    // |P·Y| = |P|·|Y| = a at every pixel, up to float32 rounding of the planes (~1e-7 relative).
    expect(meanIlluminatedEnergy(probe, Y) / (N * N * a * a)).toBeCloseTo(1, 5);
  });

  it('averages Σ|P·Y|² over groups and channels (random fields, per-patch sums done separately)', () => {
    const rng = createRng(3), N = 4, B = 2, C = 2, n = B * N * N * C;
    const probe = { shape: [N, N], re: Float32Array.from({ length: N * N }, () => rng.normal()), im: Float32Array.from({ length: N * N }, () => rng.normal()) };
    const Y = { shape: [B, N, N, C], re: Float32Array.from({ length: n }, () => rng.normal()), im: Float32Array.from({ length: n }, () => rng.normal()) };
    let sum = 0;
    for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
      let patch = 0;
      for (let p = 0; p < N * N; p++) {
        const k = (b * N * N + p) * C + c;
        patch += (probe.re[p]! ** 2 + probe.im[p]! ** 2) * (Y.re[k]! ** 2 + Y.im[k]! ** 2); // |P·Y|² = |P|²|Y|²
      }
      sum += patch;
    }
    expect(meanIlluminatedEnergy(probe, Y)).toBeCloseTo(sum / (B * C), 9);
    expect(meanIlluminatedEnergy(probe, { shape: [0, N, N, C], re: new Float32Array(0), im: new Float32Array(0) })).toBe(0);
  });
});
