import type * as tf from '@tensorflow/tfjs-core';
import { trim, type ComplexTensor } from '@ptychojs/physics';
import type { ModelInputs } from './forward-train.js';
import { objectCanvas } from './object-canvas.js';
import type { InferenceModel } from './ptycho-model.js';

/**
 * The inference model (SPEC §3 "Model I/O": "the inference model gives the object only"):
 * `X·s` → ÷s → U-Net → `A·exp(iφ)` → reassemble (object.big) or zero-pad → centre N×N. Needs no
 * probe. Allocates tensors: call inside `tf.tidy`.
 *
 * @returns object @shape (B, N, N, 1) float32 pair
 */
export function inferObject(model: InferenceModel, inputs: ModelInputs): ComplexTensor<tf.Tensor4D> {
  return trim(objectCanvas(model, inputs.xScaled, inputs.coordsRelative), model.N);
}
