import type { ComplexArray } from '@ptychojs/io';

/**
 * Fraction of a probe's energy Σ|P|² that lies outside the central N/2 × N/2 square (rows and
 * columns N/4 … 3N/4 − 1), the part of each patch a central-only U-Net head cannot predict
 * (SPEC §3 "probe.big auto": full field when it exceeds 5%). The fly001 probe gives ≈ 0.04;
 * `defaultProbe(64)` ≈ 0.2.
 *
 * @shape probe (N, N) complex, N divisible by 4
 * @returns a fraction in [0, 1]
 * @throws RangeError for a probe with no energy or a side not divisible by 4
 */
export function probeEnergyOutsideCentre(probe: ComplexArray): number {
  const [H, W] = probe.shape as [number, number];
  if (H % 4 !== 0 || W % 4 !== 0) throw new RangeError(`probeEnergyOutsideCentre: the probe side must be divisible by 4, got ${H}×${W}`);
  let total = 0, inside = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const k = r * W + c, I = probe.re[k]! ** 2 + probe.im[k]! ** 2;
    total += I;
    if (r >= H / 4 && r < (3 * H) / 4 && c >= W / 4 && c < (3 * W) / 4) inside += I;
  }
  if (!(total > 0)) throw new RangeError('probeEnergyOutsideCentre: the probe has no energy');
  return (total - inside) / total;
}
