import { reflectIndex, scipyGaussianKernel } from './internal/scipy-gaussian-kernel.js';

/**
 * Gaussian smoothing of a 1-D signal, as `scipy.ndimage.gaussian_filter1d(x, σ)`: kernel
 * `exp(−i²/2σ²)` normalized, radius `int(4σ + 0.5)`, mode 'reflect' (half-sample symmetric).
 * σ ≤ 0 returns a copy.
 *
 * @shape x (n,)
 * @returns (n,) float64
 */
export function gaussianFilter1d(x: ArrayLike<number>, sigma: number): Float64Array {
  const n = x.length, out = new Float64Array(n);
  if (!(sigma > 0)) { for (let i = 0; i < n; i++) out[i] = x[i]!; return out; }
  const k = scipyGaussianKernel(sigma), r = (k.length - 1) / 2;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = -r; j <= r; j++) s += k[j + r]! * x[reflectIndex(i + j, n)]!;
    out[i] = s;
  }
  return out;
}
