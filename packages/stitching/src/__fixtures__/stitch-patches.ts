import type { ComplexArray } from '@ptychojs/io';
import { createStitcher } from '../create-stitcher.js';
import { patchSide } from '../patch-side.js';
import type { AccumulatorPrecision, StitchResult } from '../types.js';

/**
 * One-shot stitching for tests (SPEC §4): the central M×M of every patch placed bilinearly at its scan
 * position, overlaps averaged by the summed weights, on the smallest canvas holding every patch.
 * Same result as {@link createStitcher} fed the patches in order; use the stitcher to stream.
 *
 * @shape patches (B, N, N) or (B, N, N, 1) complex
 * @shape xs (B,) scan x (column), pixels of the object frame
 * @shape ys (B,) scan y (row)
 * @returns object (H, W), weights (H, W), canvasOrigin [x0, y0]: pixel (r, c) is (x = c + x0, y = r + y0)
 */
export function stitchPatches(
  patches: ComplexArray,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  options: { readonly M?: number; readonly accumulator?: AccumulatorPrecision } = {},
): StitchResult {
  const N = patchSide(patches, xs.length);
  const st = createStitcher({ xs, ys, N, M: options.M, accumulator: options.accumulator });
  st.add(patches.re, patches.im, 0);
  return st.finish();
}
