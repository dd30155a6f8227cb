import * as tf from '@tensorflow/tfjs-core';

/**
 * The model's input scaler (SPEC §3 "Model I/O": "divide input by s"): `x / s`. `s` may be a
 * number or a scalar tensor (a trainable `s` is typically `exp(log s)` of a variable).
 * Inverse: {@link intensityScaleInverse}.
 *
 * @shape x any float32
 */
export function intensityScale<T extends tf.Tensor>(x: T, s: number | tf.Scalar): T {
  return tf.div(x, s);
}
