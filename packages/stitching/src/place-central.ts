import type { ComplexArray } from '@ptychojs/io';
import { blockStart } from './block-start.js';
import { canvasFrame } from './canvas-frame.js';
import { createBlockPlacer } from './create-block-placer.js';
import { patchSide } from './patch-side.js';
import type { CanvasFrame } from './types.js';

/**
 * The un-normalized placement Eᵀ: the adjoint of {@link extractCentral} summed over patches,
 * in float64 (SPEC §3 convention). `re`/`im` are Σ_k E_kᵀ(crop_k) and `weights` is Σ_k E_kᵀ(1),
 * so stitching is `re / weights`, `im / weights` where the weight is positive. Useful for
 * adjoint tests and for callers that combine sums themselves.
 *
 * @shape patches (B, N, N) or (B, N, N, 1) complex — only the central M×M is read
 * @shape xs (B,) @shape ys (B,)
 * @param options.frame canvas to place on (default: {@link canvasFrame} of the positions; every
 *   footprint must fit it)
 * @returns re, im, weights (H, W) float64 and the frame
 */
export function placeCentral(
  patches: ComplexArray,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  options: { readonly M?: number; readonly frame?: CanvasFrame } = {},
): { readonly re: Float64Array; readonly im: Float64Array; readonly weights: Float64Array; readonly frame: CanvasFrame } {
  const N = patchSide(patches, xs.length);
  const frame = options.frame ?? canvasFrame(xs, ys, N, options.M);
  const { M, height: H, width: W } = frame;
  const [x0, y0] = frame.canvasOrigin;
  const acc = { re: new Float64Array(H * W), im: new Float64Array(H * W), weights: new Float64Array(H * W), width: W };
  const place = createBlockPlacer(M);
  for (let k = 0; k < xs.length; k++) {
    const r = blockStart(ys[k]!, M, y0), c = blockStart(xs[k]!, M, x0);
    const r0 = Math.floor(r), c0 = Math.floor(c);
    if (r0 < 0 || c0 < 0 || r0 + M + (r > r0 ? 1 : 0) > H || c0 + M + (c > c0 ? 1 : 0) > W) {
      throw new RangeError(`placeCentral: patch ${k} at (${xs[k]}, ${ys[k]}) does not fit the given frame`);
    }
    place(acc, patches.re, patches.im, k * N * N, N, r, c);
  }
  return { re: acc.re, im: acc.im, weights: acc.weights, frame };
}
