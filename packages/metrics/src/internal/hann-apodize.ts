/**
 * Apodize an L×L image before its DFT (FRC, SPEC §4): subtract its Hann-weighted mean
 * m = Σ w·x / Σ w, then multiply by the separable periodic Hann window
 * `w(r, c) = sin²(πr/L)·sin²(πc/L)`, r, c = 0 … L−1 (scipy `hann(L, sym=False)` on each axis).
 *
 * Why this window: the DFT treats the crop as periodic, so an object that does not repeat at the
 * crop edges has a jump there whose spectrum falls only as 1/|k|; both images share that jump, and
 * on smooth objects it dominates the high-frequency rings and pins the FRC at 1. The periodic Hann
 * window is a single raised cosine, smooth across the periodic seam and 0 on it; its DFT has
 * exactly three non-zero taps (½, −¼, −¼ at k = 0, ±1), so windowing mixes each Fourier
 * coefficient only with its immediate neighbours and cannot spread power across distant rings.
 * Removing the weighted mean first makes the windowed image's DC exactly 0, so the large common
 * mean (an amplitude near 1, an arbitrary phase offset) does not leak into ring 1, and the FRC is
 * invariant to adding a constant to either image.
 * @shape x (L, L) float64, row-major
 * @returns a new (L, L) float64 image
 */
export function hannApodize(x: Float64Array, L: number): Float64Array {
  const w = new Float64Array(L);
  for (let i = 0; i < L; i++) w[i] = Math.sin((Math.PI * i) / L) ** 2;
  let sw = 0, swx = 0;
  for (let r = 0; r < L; r++) {
    for (let c = 0; c < L; c++) {
      const k = w[r]! * w[c]!;
      sw += k;
      swx += k * x[r * L + c]!;
    }
  }
  const mean = swx / sw, out = new Float64Array(L * L);
  for (let r = 0; r < L; r++) for (let c = 0; c < L; c++) out[r * L + c] = (x[r * L + c]! - mean) * w[r]! * w[c]!;
  return out;
}
