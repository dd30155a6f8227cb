import { reflectIndex, scipyGaussianKernel } from './internal/scipy-gaussian-kernel.js';

/**
 * Gaussian smoothing of an (H, W) plane, as `scipy.ndimage.gaussian_filter(x, σ)`: the 1-D filter
 * of `gaussianFilter1d` along rows (axis 0) then columns (axis 1), mode 'reflect', truncate 4.
 * The one Gaussian blur of the toolkit: PtychoPINN's evaluation variants (`@ptychojs/metrics`) and
 * its `lines` object recipe (`@ptychojs/physics`) both call it. σ ≤ 0 returns a copy.
 *
 * @shape x (H, W)
 * @returns (H, W) float64
 */
export function gaussianFilter2d(x: ArrayLike<number>, H: number, W: number, sigma: number): Float64Array {
  const out = Float64Array.from({ length: H * W }, (_, i) => x[i]!);
  if (!(sigma > 0)) return out;
  const k = scipyGaussianKernel(sigma), r = (k.length - 1) / 2;
  // Reflected index tables: one lookup per tap instead of a modulo.
  const rowIdx = (n: number) => Int32Array.from({ length: n + 2 * r }, (_, i) => reflectIndex(i - r, n));
  const ri = rowIdx(H), ci = rowIdx(W);
  const col = new Float64Array(H);
  for (let c = 0; c < W; c++) {
    for (let i = 0; i < H; i++) col[i] = out[i * W + c]!;
    for (let i = 0; i < H; i++) {
      let s = 0;
      for (let j = 0; j <= 2 * r; j++) s += k[j]! * col[ri[i + j]!]!;
      out[i * W + c] = s;
    }
  }
  const row = new Float64Array(W);
  for (let i = 0; i < H; i++) {
    for (let c = 0; c < W; c++) row[c] = out[i * W + c]!;
    for (let c = 0; c < W; c++) {
      let s = 0;
      for (let j = 0; j <= 2 * r; j++) s += k[j]! * row[ci[c + j]!]!;
      out[i * W + c] = s;
    }
  }
  return out;
}
