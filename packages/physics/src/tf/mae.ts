import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';

/**
 * Mean absolute error `mean |a − b|` over all elements (SPEC §3 loss term `MAE(s·X, output 2)`).
 *
 * @shape a, b same shape, float32
 */
export function mae(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  if (!tf.util.arraysEqual(a.shape, b.shape)) {
    throw new InputError('mae needs tensors of the same shape', { key: 'b', expected: JSON.stringify(a.shape), actual: JSON.stringify(b.shape) });
  }
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(a, b))));
}
