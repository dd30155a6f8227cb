import * as tf from '@tensorflow/tfjs-core';

/**
 * Inverse of {@link intensityScale} (SPEC §3: predicted amplitude "×s (output 2)"): `x · s`.
 *
 * @shape x any float32
 */
export function intensityScaleInverse<T extends tf.Tensor>(x: T, s: number | tf.Scalar): T {
  return tf.mul(x, s);
}
