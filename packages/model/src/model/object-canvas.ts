import * as tf from '@tensorflow/tfjs-core';
import { intensityScale, padToCanvas, reassemble, type ComplexTensor, type Coords } from '@ptychojs/physics';
import type { InferenceModel } from './ptycho-model.js';

/**
 * The front half of the graph (SPEC §3 "Model I/O"): divide the input by s → U-Net → object
 * `A·exp(iφ)` → object.big: reassemble the C patches at their relative positions on the S×S
 * canvas, overlap-normalized; else zero-pad the single patch to S×S. Internal to the model package.
 *
 * @shape xScaled (B, N, N, C) float32 — X·s
 * @shape coordsRelative (B, 1, 2, C), axis 2 = [x, y]
 * @returns canvas (B, S, S, 1) float32 pair
 */
export function objectCanvas(model: InferenceModel, xScaled: tf.Tensor4D, coordsRelative: Coords, canvasSize = model.canvasSize): ComplexTensor<tf.Tensor4D> {
  const x = intensityScale(xScaled, tf.exp(model.logScale) as tf.Scalar);
  const [amp, phase] = model.unet.apply(x) as [tf.Tensor4D, tf.Tensor4D];
  const patches = { re: tf.mul(amp, tf.cos(phase)) as tf.Tensor4D, im: tf.mul(amp, tf.sin(phase)) as tf.Tensor4D };
  return model.objectBig && model.C > 1 ? reassemble(patches, coordsRelative, canvasSize) : padToCanvas(patches, canvasSize);
}
