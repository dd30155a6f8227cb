import type { Plane } from './types.js';
import { checkPlane } from './internal/check.js';

/**
 * Mean absolute error `mean |reference − image|` (SPEC §4).
 * @shape reference (H, W) float
 * @shape image (H, W) float
 * @throws InputError on mismatched sizes or non-finite values.
 */
export function mae(reference: Plane, image: Plane, height: number, width: number): number {
  checkPlane('mae', 'reference', reference, height, width);
  checkPlane('mae', 'image', image, height, width);
  let s = 0;
  for (let i = 0; i < reference.length; i++) s += Math.abs(reference[i]! - image[i]!);
  return s / reference.length;
}
