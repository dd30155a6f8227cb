import * as tf from '@tensorflow/tfjs-core';
import { forwardTrain } from '../model/forward-train.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import { trainingLoss } from '../train/training-loss.js';

/**
 * One training step's values on the active backend, read asynchronously (WebGPU in Node has no
 * `dataSync`): the Poisson-NLL loss of `model` on B groups of C patterns, then the gradient of every
 * trainable variable, in the model's order. For the cross-backend agreement tests.
 *
 * @shape x (B, N, N, C) normalised amplitudes, flattened; coords (B, 1, 2, C) flattened
 */
export async function trainingStepValues(model: PtychoModel, x: Float32Array, coords: number[], shape: [number, number, number, number], intensityScale: number): Promise<Float32Array[]> {
  const { value, grads } = tf.variableGrads(() => {
    const xScaled = tf.mul(tf.tensor4d(x, shape), intensityScale) as tf.Tensor4D;
    return trainingLoss(forwardTrain(model, { xScaled, coordsRelative: coords }), xScaled, { nllWeight: 1, maeWeight: 0, tvWeight: 0, realspaceWeight: 0 }).total;
  }, model.trainableVariables as tf.Variable[]);
  const ordered = [value, ...model.trainableVariables.map((v) => grads[v.name]!)];
  const out = await Promise.all(ordered.map(async (t) => Float32Array.from((await t.data()) as Float32Array)));
  tf.dispose(ordered);
  return out;
}
