import type { ComplexArray } from '@ptychojs/io';

/**
 * The probe the model multiplies by: the measured probe scaled so that Σ|P|² = N². Normalized data
 * have mean Σ X² = (N/2)² (SPEC §3 "Normalization"), so an object of mean amplitude ½ reproduces
 * their energy and the sigmoid amplitude head works mid-range instead of saturating. The factor is
 * stored with the model so that inference uses the same probe. A probe without energy is returned
 * unscaled (factor 1).
 *
 * @shape probe (N, N) complex
 * @returns the scaled probe (N, N) complex float32, and the factor N / sqrt(Σ|P|²)
 */
export function modelProbe(probe: ComplexArray, N: number): { probe: ComplexArray; probeScale: number } {
  let e = 0;
  for (let i = 0; i < probe.re.length; i++) e += probe.re[i]! ** 2 + probe.im[i]! ** 2;
  const probeScale = e > 0 ? N / Math.sqrt(e) : 1;
  const re = Float32Array.from(probe.re, (v) => v * probeScale), im = Float32Array.from(probe.im, (v) => v * probeScale);
  return { probe: { shape: probe.shape, re, im }, probeScale };
}
