import { dft2ShiftedReference } from './dft2-shifted-reference.js';

/**
 * Float64 oracle of SPEC §3's forward model on channel-last data:
 * `A = sqrt(fftshift(|FFT2(Ψ)|²)/N²)` per (b, c).
 *
 * @shape re, im (B, N, N, C) row-major → (B, N, N, C) float64
 */
export function padAndDiffractReference(re: ArrayLike<number>, im: ArrayLike<number>, B: number, N: number, C: number): Float64Array {
  const out = new Float64Array(B * N * N * C);
  const pr = new Float64Array(N * N);
  const pi = new Float64Array(N * N);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
    for (let p = 0; p < N * N; p++) {
      pr[p] = re[(b * N * N + p) * C + c]!;
      pi[p] = im[(b * N * N + p) * C + c]!;
    }
    const y = dft2ShiftedReference(pr, pi, N);
    for (let p = 0; p < N * N; p++) out[(b * N * N + p) * C + c] = Math.sqrt((y.re[p]! ** 2 + y.im[p]! ** 2) / (N * N));
  }
  return out;
}
