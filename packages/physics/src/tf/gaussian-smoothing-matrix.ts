/**
 * The 3-tap Gaussian smoothing of one axis as an N×N matrix G, so that smoothing an N×N image
 * with the normalised 3×3 Gaussian is `G·X·Gᵀ` (the 2-D kernel is the outer product of the 1-D
 * one). Weights `w(k) ∝ exp(−k²/(2σ²))`, k ∈ {−1, 0, 1}, summing to 1; borders are mirrored
 * without repeating the edge (`x[−1] = x[1]`, `x[N] = x[N−2]`, TensorFlow's REFLECT, the padding
 * of the `gaussian_filter2d` PtychoPINN applies to the probe). Computed in float64, rounded once.
 *
 * @returns (N, N) float32, row-major; `G[i, p]` is the weight of input p in output i
 */
export function gaussianSmoothingMatrix(N: number, sigma: number): Float32Array {
  if (!Number.isInteger(N) || N < 2) throw new RangeError(`gaussianSmoothingMatrix: N must be an integer ≥ 2, got ${N}`);
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`gaussianSmoothingMatrix: sigma must be finite and > 0, got ${sigma}`);
  const e = Math.exp(-1 / (2 * sigma * sigma));
  const w = [e / (1 + 2 * e), 1 / (1 + 2 * e), e / (1 + 2 * e)];
  const reflect = (p: number) => (p < 0 ? -p : p >= N ? 2 * N - 2 - p : p);
  const g = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let k = -1; k <= 1; k++) g[i * N + reflect(i + k)]! += w[k + 1]!;
  return Float32Array.from(g);
}
