import * as tf from '@tensorflow/tfjs-core';
import { groupEstimate, singlePatternEstimate, intensityScale, padToCanvas, reassemble, type ComplexTensor, type Coords } from '@ptychojs/physics';
import type { InferenceModel } from './ptycho-model.js';

/**
 * The U-Net's object patches (SPEC §3 "Model I/O"): divide the input by s → U-Net → `A·exp(iφ)`.
 * Internal to the model package.
 *
 * @shape xScaled (B, N, N, C) float32 — X·s
 * @returns amplitude A (B, N, N, C_out) float32 and the complex patches (B, N, N, C_out) float32 pair
 */
export function objectPatches(model: InferenceModel, xScaled: tf.Tensor4D, coordsRelative?: Coords): { amplitude: tf.Tensor4D; patches: ComplexTensor<tf.Tensor4D> } {
  const x = intensityScale(xScaled, tf.exp(model.logScale) as tf.Scalar);
  if (model.input && model.input.iterations > 0) return correctedEstimate(model, x, model.input.iterations, model.input.probe, coordsRelative);
  const [amplitude, phase] = model.unet.apply(x) as [tf.Tensor4D, tf.Tensor4D];
  return { amplitude, patches: { re: tf.mul(amplitude, tf.cos(phase)) as tf.Tensor4D, im: tf.mul(amplitude, tf.sin(phase)) as tf.Tensor4D } };
}

/**
 * The physics-informed path (issue 15): E = `singlePatternEstimate(X)` per channel (gridsize 1), or
 * with several patterns per group and their positions `groupEstimate` on the model's canvas (the
 * overlaps resolve what one pattern cannot); the U-Net sees
 * [X, Re E, Im E] (3C channels) and returns a log-amplitude correction a and a phase correction φ
 * per output channel; the patch is `E·exp(a + iφ)` (channel 0's estimate when C_out = 1). Zero
 * corrections (an untrained residual head) give the estimate itself.
 */
function correctedEstimate(
  model: InferenceModel, x: tf.Tensor4D, iterations: number, probe: ComplexTensor<tf.Tensor2D>, coordsRelative: Coords | undefined,
): { amplitude: tf.Tensor4D; patches: ComplexTensor<tf.Tensor4D> } {
  const est = x.shape[3] > 1 && coordsRelative !== undefined
    ? groupEstimate(x, probe, iterations, { coordsRelative, canvasSize: model.canvasSize })
    : singlePatternEstimate(x, probe, iterations);
  const [a, phi] = model.unet.apply(tf.concat([x, est.re, est.im], 3)) as [tf.Tensor4D, tf.Tensor4D];
  const cOut = a.shape[3];
  const er = cOut === est.re.shape[3] ? est.re : tf.slice(est.re, [0, 0, 0, 0], [-1, -1, -1, cOut]);
  const ei = cOut === est.im.shape[3] ? est.im : tf.slice(est.im, [0, 0, 0, 0], [-1, -1, -1, cOut]);
  const g = tf.exp(a), cr = tf.mul(g, tf.cos(phi)), ci = tf.mul(g, tf.sin(phi));
  const re = tf.sub(tf.mul(er, cr), tf.mul(ei, ci)) as tf.Tensor4D, im = tf.add(tf.mul(er, ci), tf.mul(ei, cr)) as tf.Tensor4D;
  return { amplitude: tf.sqrt(tf.add(tf.square(re), tf.square(im))) as tf.Tensor4D, patches: { re, im } };
}

/**
 * Place the U-Net's patches on the object canvas (SPEC §3 "Model I/O"): object.big reassembles the
 * C patches at their relative positions on the S×S canvas, overlap-normalized (so |canvas| never
 * exceeds the largest |patch|); else the single patch is zero-padded to S×S.
 *
 * @shape patches (B, N, N, C_out) float32 pair
 * @shape coordsRelative (B, 1, 2, C), axis 2 = [x, y]
 * @returns canvas (B, S, S, 1) float32 pair
 */
export function placePatches(model: InferenceModel, patches: ComplexTensor<tf.Tensor4D>, coordsRelative: Coords, canvasSize = model.canvasSize): ComplexTensor<tf.Tensor4D> {
  return model.objectBig && model.C > 1 ? reassemble(patches, coordsRelative, canvasSize) : padToCanvas(patches, canvasSize);
}

/**
 * The front half of the graph: {@link objectPatches} then {@link placePatches}.
 *
 * @shape xScaled (B, N, N, C) float32 — X·s
 * @shape coordsRelative (B, 1, 2, C), axis 2 = [x, y]
 * @returns canvas (B, S, S, 1) float32 pair
 */
export function objectCanvas(model: InferenceModel, xScaled: tf.Tensor4D, coordsRelative: Coords, canvasSize = model.canvasSize): ComplexTensor<tf.Tensor4D> {
  return placePatches(model, objectPatches(model, xScaled, coordsRelative).patches, coordsRelative, canvasSize);
}
