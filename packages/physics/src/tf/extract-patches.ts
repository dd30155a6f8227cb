import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { canvasOffset } from './internal/canvas-offset.js';
import { relativeShifts, type Coords } from './internal/relative-shifts.js';
import { resample, stackLast, unstackLast } from './internal/resample.js';
import { tidyResult } from './internal/tidy-result.js';
import { isComplex } from './is-complex.js';
import type { RealOrComplex } from './types.js';

/**
 * Cut the C patches of each group out of its canvas (SPEC §3 "Model I/O": "extract the C patches
 * at their relative positions").
 *
 * The canvas of group b is centred on the group's mean position (its `coords_offsets`), so canvas
 * pixel (r, q) is the object point `y = offset_y − S/2 + r`, `x = offset_x − S/2 + q`. With
 * `patch_k(i, j) = O(y_k − N/2 + i, x_k − N/2 + j)` and `coords_relative = −(position − offset)`:
 *
 *   patch_c(i, j) = canvas((S−N)/2 + i − rel_y[c], (S−N)/2 + j − rel_x[c])   (bilinear, zero outside)
 *
 * So channel c's window sits at the canvas centre moved by −rel = +(position − offset): toward the
 * member's own position. Equivalently: translate the canvas by +rel (SPEC translation convention,
 * `out(x) = in(x − t)`), then take the centre N×N. A zero relative position gives the centre window.
 *
 * Differentiable w.r.t. the canvas; its adjoint is `reassemble(…, {normalize: false})`, exactly.
 * Positions are data, read to the host (a tensor with `dataSync`, B·2·C numbers; pass the host
 * values on WebGPU in Node); nothing is differentiated w.r.t. them.
 *
 * @shape canvas (B, S, S, 1) float32 (or a {re, im} pair), S ≥ N, S − N even
 * @shape coordsRelative (B, 1, 2, C) float32, axis 2 = [x, y] (tensor, or its row-major values)
 * @returns (B, N, N, C) float32 (or pair)
 */
export function extractPatches<P extends RealOrComplex<tf.Tensor4D>>(canvas: P, coordsRelative: Coords, N: number): P {
  const shape = (isComplex(canvas) ? canvas.re : (canvas as tf.Tensor4D)).shape;
  const [B, S, S2, one] = shape;
  if (shape.length !== 4 || S !== S2 || one !== 1) {
    throw new InputError('extractPatches needs a square single-channel canvas', { key: 'canvas', expected: '(B, S, S, 1)', actual: JSON.stringify(shape) });
  }
  const offset = canvasOffset(S, N, 'canvas');
  const { rx, ry, C } = relativeShifts(coordsRelative, B);
  return tidyResult(() => {
    const parts = (isComplex(canvas) ? [canvas.re, canvas.im] : [canvas as tf.Tensor4D]).map((t) => tf.reshape(t, [B, S, S]) as tf.Tensor3D);
    const P = parts.length;
    const out = resample(stackLast(parts), ry, rx, { offset, fanout: C, inSize: [S, S], outSize: [N, N] }); // (B·C, N, N, P)
    // (B·C, N, N, P) → (P, B, N·N, C) → P × (B, N, N, C)
    const byPart = C === 1 ? tf.reshape(out, [B, N * N, 1, P]) : tf.transpose(tf.reshape(out, [B, C, N * N, P]), [0, 2, 1, 3]);
    const patches = unstackLast(byPart as tf.Tensor4D).map((t) => tf.reshape(t, [B, N, N, C]) as tf.Tensor4D);
    return (isComplex(canvas) ? { re: patches[0]!, im: patches[1]! } : patches[0]!) as P;
  });
}
