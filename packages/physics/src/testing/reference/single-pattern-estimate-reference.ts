import { fft2, ifft2, type ComplexArray } from '@ptychojs/io';

/**
 * Float64 typed-array reference of `singlePatternEstimate` for one pattern (tests): the same ePIE
 * steps written with an FFT and explicit fftshift, not with DFT matrices.
 *
 * @shape x (N, N) — normalized amplitude, zero frequency at (N/2, N/2)
 * @shape probe (N, N) complex
 */
export function singlePatternEstimateReference(x: ArrayLike<number>, probe: ComplexArray, iterations: number): { re: Float64Array; im: Float64Array } {
  const N = probe.shape[0]!, n = N * N, h = N >>> 1;
  let pe = 0, pmax = 0, xe = 0;
  for (let i = 0; i < n; i++) { const p = probe.re[i]! ** 2 + probe.im[i]! ** 2; pe += p; pmax = Math.max(pmax, p); xe += x[i]! ** 2; }
  const or = new Float64Array(n).fill(Math.sqrt(xe / pe)), oi = new Float64Array(n);
  const wr = new Float64Array(n), wi = new Float64Array(n);
  for (let t = 0; t < iterations; t++) {
    for (let i = 0; i < n; i++) { wr[i] = probe.re[i]! * or[i]! - probe.im[i]! * oi[i]!; wi[i] = probe.re[i]! * oi[i]! + probe.im[i]! * or[i]!; }
    const fr = Float64Array.from(wr), fi = Float64Array.from(wi);
    fft2(fr, fi, N);
    for (let u = 0; u < N; u++) for (let v = 0; v < N; v++) {
      const k = u * N + v, m = Math.hypot(fr[k]!, fi[k]!);
      // x is fftshifted: frequency (u, v) sits at ((u + h) mod N, (v + h) mod N).
      const s = (N * x[((u + h) % N) * N + ((v + h) % N)]!) / Math.max(m, 1e-6);
      fr[k] = fr[k]! * s;
      fi[k] = fi[k]! * s;
    }
    ifft2(fr, fi, N);
    for (let i = 0; i < n; i++) {
      const dr = fr[i]! - wr[i]!, di = fi[i]! - wi[i]!;
      or[i] = or[i]! + (probe.re[i]! * dr + probe.im[i]! * di) / pmax;
      oi[i] = oi[i]! + (probe.re[i]! * di - probe.im[i]! * dr) / pmax;
    }
  }
  return { re: or, im: oi };
}
