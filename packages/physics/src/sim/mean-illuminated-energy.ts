import type { ComplexArray } from '@ptychojs/io';

/**
 * Mean illuminated energy `mean_{b,c} Σ_ij |P(i,j)·Y_bc(i,j)|²` over every (group, channel) object
 * patch: the denominator of the intensity scale `s = sqrt(nphotons / mean Σ|P·O_patch|²)` when the
 * object is known (SPEC §3 "Normalization"; pass it to `intensityScaleFactor`). Float64 sums.
 *
 * @shape probe (N, N) complex
 * @shape Y (B, N, N, C) complex, channel-last
 * @returns the mean, 0 when there are no patches or no energy
 */
export function meanIlluminatedEnergy(probe: ComplexArray, Y: ComplexArray): number {
  const B = Y.shape[0]!, N = Y.shape[1]!, C = Y.shape[3] ?? 1, NN = N * N;
  if (B * C === 0) return 0;
  let total = 0;
  for (let b = 0; b < B; b++) for (let p = 0; p < NN; p++) {
    const pr = probe.re[p]!, pi = probe.im[p]!;
    for (let c = 0; c < C; c++) {
      const k = (b * NN + p) * C + c, or = Y.re[k]!, oi = Y.im[k]!;
      total += (pr * or - pi * oi) ** 2 + (pr * oi + pi * or) ** 2;
    }
  }
  return total / (B * C);
}
