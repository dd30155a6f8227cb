import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { maskedMeanInTwoStages } from './poisson-nll.js';

/**
 * Mean absolute error `mean |a − b|` over all elements (SPEC §3 loss term `MAE(s·X, output 2)`);
 * with `measured` (0/1, broadcastable, 0 at bad detector pixels) the mean over the measured
 * pixels of each pattern, then over patterns, as `poissonNll` does.
 *
 * @shape a, b same shape, float32
 */
export function mae(a: tf.Tensor, b: tf.Tensor, measured?: tf.Tensor): tf.Scalar {
  if (!tf.util.arraysEqual(a.shape, b.shape)) {
    throw new InputError('mae needs tensors of the same shape', { key: 'b', expected: JSON.stringify(a.shape), actual: JSON.stringify(b.shape) });
  }
  return tf.tidy(() => {
    if (!measured) return tf.mean(tf.abs(tf.sub(a, b)));
    // Unmeasured pixels compare 0 with 0: no gradient path back to what they held.
    const keep = tf.greater(tf.broadcastTo(measured, a.shape), 0);
    const zero = tf.zerosLike(a);
    return maskedMeanInTwoStages(tf.abs(tf.sub(tf.where(keep, a, zero), tf.where(keep, b, zero))), measured);
  });
}
