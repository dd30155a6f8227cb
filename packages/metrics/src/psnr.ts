import type { Plane } from './types.js';
import { checkPlane, resolveDataRange } from './internal/check.js';

/** Options of {@link psnr}. */
export interface PsnrOptions {
  /** Data range L; default max − min of the reference. */
  readonly dataRange?: number;
}

/**
 * Peak signal-to-noise ratio in dB, `10·log10(L² / MSE)` with MSE the mean squared difference and
 * L the data range (default max − min of the reference; SPEC §4). Identical images give `Infinity`
 * (which `JSON.stringify` writes as `null`).
 * @shape reference (H, W) float
 * @shape image (H, W) float
 * @throws InputError on mismatched sizes, non-finite values or L ≤ 0.
 */
export function psnr(reference: Plane, image: Plane, height: number, width: number, options: PsnrOptions = {}): number {
  checkPlane('psnr', 'reference', reference, height, width);
  checkPlane('psnr', 'image', image, height, width);
  const L = resolveDataRange('psnr', reference, options.dataRange);
  let s = 0;
  for (let i = 0; i < reference.length; i++) { const d = reference[i]! - image[i]!; s += d * d; }
  const mse = s / reference.length;
  return mse === 0 ? Infinity : 10 * Math.log10((L * L) / mse);
}
