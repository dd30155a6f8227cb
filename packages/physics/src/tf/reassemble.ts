import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { canvasOffset } from './internal/canvas-offset.js';
import { relativeShifts, type Coords } from './internal/relative-shifts.js';
import { resampleAdjoint, unstackLast } from './internal/resample.js';
import { tidyResult } from './internal/tidy-result.js';
import { isComplex } from './is-complex.js';
import type { RealOrComplex } from './types.js';

/** Options of {@link reassemble}. */
export interface ReassembleOptions {
  /**
   * Divide by the summed translated masks (object.big, SPEC §3). Default true. With `false` the
   * result is the plain sum of translated patches: the exact adjoint of {@link extractPatches}.
   */
  readonly normalize?: boolean;
  /**
   * Floor of the overlap count in the division, `sum / max(count, epsilon)`. Default 1e−3.
   * Where at least `epsilon` of a patch overlaps, the result is the exact overlap-weighted mean
   * (constant patches give that constant back); in the outer fringe, where bilinear weights are
   * below `epsilon`, the result fades to 0 instead of dividing by ~0; outside every patch it is 0.
   */
  readonly epsilon?: number;
}

/**
 * Place the C patches of each group on a canvas of side S at their relative positions and
 * average where they overlap (SPEC §3 "object.big"):
 *
 *   canvas = Σ_c E_cᵀ·patch_c / max(Σ_c E_cᵀ·1, ε)
 *
 * where `E_c` is the bilinear window of {@link extractPatches} for channel c (so patch c lands
 * centred at canvas centre − coords_relative[c]) and `1` an N×N mask of ones. With
 * `normalize: false` it returns the numerator, the exact adjoint of `extractPatches`.
 * Differentiable w.r.t. the patches. Positions are data, read to the host (a tensor with
 * `dataSync`); nothing is differentiated w.r.t. them.
 *
 * @shape patches (B, N, N, C) float32 (or a {re, im} pair)
 * @shape coordsRelative (B, 1, 2, C) float32, axis 2 = [x, y] (tensor, or its row-major values)
 * @returns (B, S, S, 1) float32 (or pair); S ≥ N, S − N even
 */
export function reassemble<P extends RealOrComplex<tf.Tensor4D>>(patches: P, coordsRelative: Coords, canvasSize: number, opts: ReassembleOptions = {}): P {
  const shape = (isComplex(patches) ? patches.re : (patches as tf.Tensor4D)).shape;
  const [B, N, N2, C] = shape;
  if (shape.length !== 4 || N !== N2) {
    throw new InputError('reassemble needs square patches', { key: 'patches', expected: '(B, N, N, C)', actual: JSON.stringify(shape) });
  }
  const S = canvasSize;
  const offset = canvasOffset(S, N, 'canvasSize');
  const normalize = opts.normalize ?? true;
  const epsilon = opts.epsilon ?? 1e-3;
  if (!(epsilon > 0)) throw new InputError('reassemble epsilon must be > 0', { key: 'epsilon', expected: '> 0', actual: String(epsilon) });
  const { rx, ry } = relativeShifts(coordsRelative, B, C);
  return tidyResult(() => {
    // P parts (B, N, N, C), plus a mask of ones → one (B·C, N, N, P) stack: an image per patch.
    const parts = (isComplex(patches) ? [patches.re, patches.im] : [patches as tf.Tensor4D]).map((t) => tf.reshape(t, [B, N * N, C]) as tf.Tensor3D);
    if (normalize) parts.push(tf.ones([B, N * N, C]));
    const P = parts.length;
    const stack = tf.reshape(tf.transpose(tf.stack(parts), [1, 3, 2, 0]), [B * C, N, N, P]) as tf.Tensor4D; // (B, C, N·N, P)
    const planes = unstackLast(resampleAdjoint(stack, ry, rx, { offset, fanout: C, inSize: [S, S], outSize: [N, N] })).map(
      (t) => tf.reshape(t, [B, S, S, 1]) as tf.Tensor4D,
    );
    const count = normalize ? tf.maximum(planes.pop()!, epsilon) : undefined;
    const finish = (t: tf.Tensor4D): tf.Tensor4D => (count ? tf.div(t, count) : t);
    return (isComplex(patches) ? { re: finish(planes[0]!), im: finish(planes[1]!) } : finish(planes[0]!)) as P;
  });
}
