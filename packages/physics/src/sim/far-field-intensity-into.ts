import { fft2 } from '@ptychojs/io';

/**
 * Centred far-field intensity of one exit wave, SPEC §3: `Ψ = P·O_patch`,
 * `I = |FFT2(Ψ)|² / N²`, written fftshifted (zero frequency at (N/2, N/2)) into `out` at
 * `outOffset`. `waveRe`/`waveIm` hold the patch on entry and are used as workspace (they hold
 * FFT2(Ψ) on return). Returns Σ I, which equals Σ|Ψ|² (Parseval).
 *
 * @shape probeRe, probeIm (N, N) float64
 * @shape waveRe, waveIm (N, N) float64, the object patch; overwritten
 * @shape out (≥ outOffset + N·N) float32 or float64
 */
export function farFieldIntensityInto(
  probeRe: Float64Array, probeIm: Float64Array, waveRe: Float64Array, waveIm: Float64Array, n: number,
  out: Float32Array | Float64Array, outOffset = 0,
): number {
  const nn = n * n;
  for (let i = 0; i < nn; i++) {
    const pr = probeRe[i]!, pi = probeIm[i]!, or = waveRe[i]!, oi = waveIm[i]!;
    waveRe[i] = pr * or - pi * oi;
    waveIm[i] = pr * oi + pi * or;
  }
  fft2(waveRe, waveIm, n);
  const h = n >>> 1, s = 1 / nn;
  let total = 0;
  for (let u = 0; u < n; u++) {
    const row = outOffset + ((u + h) % n) * n;
    for (let v = 0; v < n; v++) {
      const k = u * n + v;
      const I = (waveRe[k]! * waveRe[k]! + waveIm[k]! * waveIm[k]!) * s;
      out[row + ((v + h) % n)] = I;
      total += I;
    }
  }
  return total;
}
