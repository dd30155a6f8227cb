import { InputError } from '@ptychojs/io';
import type { Plane, SsimOptions } from './types.js';
import { checkPlane, resolveDataRange, toFloat64 } from './internal/check.js';
import { ssimWindow } from './internal/ssim-window.js';
import { ssimStats } from './internal/ssim-stats.js';

export type { SsimOptions } from './types.js';

/**
 * Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004) of `image` against `reference`:
 * the mean of the SSIM map over the 'valid' region (windows fully inside the image; no padding).
 * Defaults: Gaussian window 11×11, σ 1.5, K1 0.01, K2 0.03, L = max − min of the reference
 * (SPEC §4). Identical images give exactly 1.
 * @shape reference (H, W) float
 * @shape image (H, W) float
 * @throws InputError on mismatched sizes, non-finite values, images smaller than the window, or L ≤ 0.
 */
export function ssim(reference: Plane, image: Plane, height: number, width: number, options: SsimOptions = {}): number {
  checkPlane('ssim', 'reference', reference, height, width);
  checkPlane('ssim', 'image', image, height, width);
  const window = ssimWindow('ssim', options);
  if (height < window.length || width < window.length) {
    throw new InputError(`ssim: image smaller than the ${window.length}×${window.length} window`, { expected: `H, W ≥ ${window.length}`, actual: `${height}×${width}` });
  }
  const L = resolveDataRange('ssim', reference, options.dataRange);
  return ssimStats(toFloat64(reference), toFloat64(image), height, width, {
    window, L, k1: options.k1 ?? 0.01, k2: options.k2 ?? 0.03, sampleCovariance: options.sampleCovariance ?? false,
  }).ssim;
}
