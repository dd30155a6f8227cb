import { gaussianFilter2d, InputError } from '@ptychojs/io';
import type { Plane } from '../types.js';
import { checkPlane, toFloat64, valueRange } from '../internal/check.js';
import { decimate2 } from '../internal/downsample.js';
import { uniformWindow } from '../internal/filters.js';
import { ssimStats } from '../internal/ssim-stats.js';
import { MS_SSIM_WEIGHTS } from '../ms-ssim.js';

/** Options of {@link msSsimPtychopinn}. */
export interface MsSsimPtychopinnOptions {
  /** Gaussian pre-smoothing σ of both images (scipy `gaussian_filter`, mode 'reflect'); 0 = none (default). */
  readonly sigma?: number;
  /** Levels, at most 5 (default 5). */
  readonly levels?: number;
}

/**
 * PtychoPINN's own "MS-SSIM" (`ptycho.evaluation.ms_ssim`), reproduced for the 'ptychopinn'
 * evaluation profile (SPEC §4). It differs from Wang et al. (2003) — see {@link msSsim} — in that:
 * - each level multiplies the FULL SSIM (luminance included), not the contrast-structure term;
 * - SSIM is scikit-image's default: 7×7 uniform window, sample covariance (×49/48), K1 .01, K2 .03,
 *   mean over the valid region;
 * - levels are separated by plain decimation `x[::2, ::2]` (no low-pass before subsampling);
 * - L = max(range(img1), range(img2)) after the optional Gaussian pre-smoothing, fixed over levels;
 * - the loop stops early once a decimated side is < 7, without renormalizing the weights;
 * - a negative SSIM is clamped to 1e-4 (PtychoPINN warns), NaN gives 0.
 * @shape img1 (H, W) float
 * @shape img2 (H, W) float
 * @throws InputError on bad sizes, non-finite values, images smaller than 7×7, or both images constant.
 */
export function msSsimPtychopinn(img1: Plane, img2: Plane, height: number, width: number, options: MsSsimPtychopinnOptions = {}): number {
  checkPlane('msSsimPtychopinn', 'img1', img1, height, width);
  checkPlane('msSsimPtychopinn', 'img2', img2, height, width);
  if (height < 7 || width < 7) throw new InputError('msSsimPtychopinn: image smaller than the 7×7 window', { expected: 'H, W ≥ 7', actual: `${height}×${width}` });
  const sigma = options.sigma ?? 0;
  let x = sigma > 0 ? gaussianFilter2d(img1, height, width, sigma) : toFloat64(img1);
  let y = sigma > 0 ? gaussianFilter2d(img2, height, width, sigma) : toFloat64(img2);
  const L = Math.max(valueRange(x), valueRange(y));
  if (!(L > 0)) throw new InputError('msSsimPtychopinn: both images are constant, data range is 0', { key: 'dataRange', expected: '> 0', actual: String(L) });
  const levels = Math.min(options.levels ?? 5, MS_SSIM_WEIGHTS.length);
  const params = { window: uniformWindow(7), L, k1: 0.01, k2: 0.03, sampleCovariance: true };
  let H = height, W = width, result = 1;
  for (let level = 0; level < levels; level++) {
    let s = ssimStats(x, y, H, W, params).ssim;
    if (Number.isNaN(s)) return 0;
    if (s < 0) s = 1e-4;
    result *= s ** MS_SSIM_WEIGHTS[level]!;
    if (level < levels - 1) {
      const dx = decimate2(x, H, W), dy = decimate2(y, H, W);
      x = dx.data; y = dy.data; H = dx.H; W = dx.W;
      if (Math.min(H, W) < 7) break;
    }
  }
  return result;
}
