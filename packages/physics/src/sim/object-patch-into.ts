import { bilinearPatch, type ComplexArray } from '@ptychojs/io';

/**
 * Bilinear extraction of one N×N object patch into float64 planes, the physics reference of
 * SPEC §3: `patch(i,j) = O(y − N/2 + i, x − N/2 + j)`, i,j in 0..N−1, bilinear between pixels,
 * pixels outside the object counted as zero. x is the column, y the row (object frame, pixels).
 * Each plane is sampled by io's `bilinearPatch`, the one patch rule (grouping's ground-truth
 * patches use it too); float64 output, so nothing is rounded.
 *
 * @shape object (H, W) complex, float32 planes
 * @shape outRe, outIm (≥ offset + N·N) float64, patch written at `offset` in C order
 */
export function objectPatchInto(
  object: ComplexArray, x: number, y: number, n: number,
  outRe: Float64Array, outIm: Float64Array, offset = 0,
): void {
  const [H, W] = object.shape as [number, number];
  bilinearPatch(object.re, H, W, x, y, n, outRe, offset);
  bilinearPatch(object.im, H, W, x, y, n, outIm, offset);
}
