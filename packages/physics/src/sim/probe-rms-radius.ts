import type { ComplexArray } from '@ptychojs/io';

/**
 * Rms radius of a probe's intensity about its centroid, in pixels:
 * `sqrt(Σ|P|²·((x − x̄)² + (y − ȳ)²) / Σ|P|²)`. The fly001 probe gives ≈ 11.9; `defaultProbe(64)`
 * ≈ 12.9. A scan step well below it gives overlapping illuminations.
 *
 * @shape probe (H, W) complex
 */
export function probeRmsRadius(probe: ComplexArray): number {
  const [H, W] = probe.shape as [number, number];
  let s = 0, sx = 0, sy = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const k = r * W + c, I = probe.re[k]! ** 2 + probe.im[k]! ** 2;
    s += I; sx += I * c; sy += I * r;
  }
  if (!(s > 0)) throw new RangeError('probeRmsRadius: the probe has no energy');
  const cx = sx / s, cy = sy / s;
  let m2 = 0;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const k = r * W + c, I = probe.re[k]! ** 2 + probe.im[k]! ** 2;
    m2 += I * ((c - cx) ** 2 + (r - cy) ** 2);
  }
  return Math.sqrt(m2 / s);
}
