import { correlateValid } from './filters.js';

/** Constants and window of one SSIM evaluation. */
export interface SsimParams {
  /** 1-D window; the 2-D window is its outer product (separable). */
  readonly window: Float64Array;
  readonly L: number;
  readonly k1: number;
  readonly k2: number;
  /** Multiply variances/covariance by NP/(NP−1), NP = window pixels (scikit-image's default). */
  readonly sampleCovariance: boolean;
}

/**
 * Mean SSIM and mean contrast-structure term over the 'valid' region (Wang et al. 2004, eqs. 6–13;
 * MS-SSIM's cs of Wang et al. 2003): with μ, σ², σxy the window-weighted local statistics,
 * `l = (2μxμy + C1)/(μx² + μy² + C1)`, `cs = (2σxy + C2)/(σx² + σy² + C2)`, C1 = (K1 L)², C2 = (K2 L)².
 * Returns `{ssim: mean(l·cs), cs: mean(cs)}`. Requires H, W ≥ window length.
 * @shape x (H, W) float64
 * @shape y (H, W) float64
 */
export function ssimStats(x: Float64Array, y: Float64Array, H: number, W: number, p: SsimParams): { ssim: number; cs: number } {
  const n = H * W;
  const xx = new Float64Array(n), yy = new Float64Array(n), xy = new Float64Array(n);
  for (let i = 0; i < n; i++) { const a = x[i]!, b = y[i]!; xx[i] = a * a; yy[i] = b * b; xy[i] = a * b; }
  const k = p.window;
  const mx = correlateValid(x, H, W, k), my = correlateValid(y, H, W, k);
  const sxx = correlateValid(xx, H, W, k), syy = correlateValid(yy, H, W, k), sxy = correlateValid(xy, H, W, k);
  const np = k.length * k.length, cov = p.sampleCovariance ? np / (np - 1) : 1;
  const C1 = (p.k1 * p.L) ** 2, C2 = (p.k2 * p.L) ** 2;
  let sumS = 0, sumCs = 0;
  const m = mx.length;
  for (let i = 0; i < m; i++) {
    const ux = mx[i]!, uy = my[i]!;
    const vx = cov * (sxx[i]! - ux * ux), vy = cov * (syy[i]! - uy * uy), vxy = cov * (sxy[i]! - ux * uy);
    const cs = (2 * vxy + C2) / (vx + vy + C2);
    const l = (2 * ux * uy + C1) / (ux * ux + uy * uy + C1);
    sumS += l * cs;
    sumCs += cs;
  }
  return { ssim: sumS / m, cs: sumCs / m };
}
