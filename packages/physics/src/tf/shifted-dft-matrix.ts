/** Real and imaginary planes of a DFT matrix, float32, row-major. */
export interface DftMatrix {
  /** Side n. */
  readonly n: number;
  /** `cos[k·n + j] = cos(2π·idx(k, j)/n)` @shape (n, n) float32 */
  readonly cos: Float32Array;
  /** `sin[k·n + j] = sin(2π·idx(k, j)/n)` @shape (n, n) float32 */
  readonly sin: Float32Array;
}

/**
 * The 1-D DFT with `fftshift` folded into its output index (SPEC §3, §5):
 * `F[k, j] = exp(−2πi·((k − ⌊n/2⌋)·j mod n)/n) = C[k, j] − i·S[k, j]`, so that
 * `(F·x)[k] = fftshift(fft(x))[k]` (numpy conventions, no normalisation).
 *
 * The phase index `(k − ⌊n/2⌋)·j mod n` is reduced exactly in integers (|k·j| < 2^53) before the
 * float64 `cos`/`sin`, which are then rounded once to float32: every entry is the correctly
 * rounded float32 of the exact twiddle to within 1 ulp, with no growth of the phase error in k·j.
 */
export function shiftedDftMatrix(n: number): DftMatrix {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`shiftedDftMatrix: n must be a positive integer, got ${n}`);
  const h = Math.floor(n / 2);
  const cos = new Float32Array(n * n);
  const sin = new Float32Array(n * n);
  for (let k = 0; k < n; k++) {
    const kk = (((k - h) % n) + n) % n;
    for (let j = 0; j < n; j++) {
      const idx = (kk * j) % n;
      const a = (2 * Math.PI * idx) / n;
      cos[k * n + j] = Math.cos(a);
      sin[k * n + j] = Math.sin(a);
    }
  }
  return { n, cos, sin };
}
