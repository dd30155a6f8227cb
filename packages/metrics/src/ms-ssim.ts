import { InputError } from '@ptychojs/io';
import type { Plane } from './types.js';
import type { SsimOptions } from './ssim.js';
import { checkPlane, resolveDataRange, toFloat64 } from './internal/check.js';
import { averagePool2 } from './internal/downsample.js';
import { ssimStats } from './internal/ssim-stats.js';
import { ssimWindow } from './internal/ssim-window.js';
import { msSsimScales } from './ms-ssim-scales.js';

/** Wang et al. (2003) scale weights β₁…β₅ (= α₅ at the coarsest scale). */
export const MS_SSIM_WEIGHTS: readonly number[] = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333];

/** Options of {@link msSsim}: the SSIM options plus the scale weights. */
export interface MsSsimOptions extends SsimOptions {
  /** Scale weights, finest first; default {@link MS_SSIM_WEIGHTS}. */
  readonly weights?: readonly number[];
}

/**
 * Multi-scale SSIM (Wang, Simoncelli & Bovik 2003), SPEC §4:
 * `MS-SSIM = [l_M·cs_M]^{w_M} · Π_{j<M} cs_j^{w_j}`, each term the mean over the 'valid' SSIM map
 * at scale j (Gaussian window 11, σ 1.5, K1 0.01, K2 0.03, the same data range L at every scale,
 * L = max − min of the reference unless given), with 2×2 average pooling between scales (odd
 * sides mirror their last row/column, as in Wang's MATLAB reference and TensorFlow).
 *
 * Small images: a scale is used only while its shorter side is ≥ the window (11 px); with M < 5
 * scales the first M weights are renormalized to sum to 1 (so a constant score per scale still
 * gives that score). 5 scales need min(H, W) ≥ 161. Negative terms are clamped to 0 before the
 * fractional power (as TensorFlow and pytorch-msssim do), so the result lies in [0, 1].
 * @shape reference (H, W) float
 * @shape image (H, W) float
 * @throws InputError on mismatched sizes, non-finite values, images smaller than the window, or L ≤ 0.
 */
export function msSsim(reference: Plane, image: Plane, height: number, width: number, options: MsSsimOptions = {}): number {
  checkPlane('msSsim', 'reference', reference, height, width);
  checkPlane('msSsim', 'image', image, height, width);
  const window = ssimWindow('msSsim', options);
  const weights = options.weights ?? MS_SSIM_WEIGHTS;
  const M = msSsimScales(height, width, window.length, weights.length);
  if (M === 0) {
    throw new InputError(`msSsim: image smaller than the ${window.length}×${window.length} window`, { expected: `H, W ≥ ${window.length}`, actual: `${height}×${width}` });
  }
  const L = resolveDataRange('msSsim', reference, options.dataRange);
  const params = { window, L, k1: options.k1 ?? 0.01, k2: options.k2 ?? 0.03, sampleCovariance: options.sampleCovariance ?? false };
  let wsum = 0;
  for (let j = 0; j < M; j++) wsum += weights[j]!;
  let x = toFloat64(reference), y = toFloat64(image), H = height, W = width, result = 1;
  for (let j = 0; j < M; j++) {
    const { ssim, cs } = ssimStats(x, y, H, W, params);
    const w = weights[j]! / wsum;
    if (j < M - 1) {
      result *= Math.max(cs, 0) ** w;
      const dx = averagePool2(x, H, W), dy = averagePool2(y, H, W);
      x = dx.data; y = dy.data; H = dx.H; W = dx.W;
    } else {
      result *= Math.max(ssim, 0) ** w;
    }
  }
  return result;
}
