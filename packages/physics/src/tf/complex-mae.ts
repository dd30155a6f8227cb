import * as tf from '@tensorflow/tfjs-core';
import { mae } from './mae.js';
import type { ComplexTensor } from './types.js';

/**
 * Complex mean absolute error for the real-space loss (SPEC §3 "complex MAE vs ground truth"):
 * `mean |Re a − Re b| + mean |Im a − Im b|` — PtychoPINN's `complex_mae`. Unlike `mean |a − b|`
 * (a modulus), it has no square root, so its gradient is defined where a = b.
 *
 * @shape a, b same shape, float32 pairs
 */
export function complexMae(a: ComplexTensor, b: ComplexTensor): tf.Scalar {
  return tf.tidy(() => tf.add(mae(a.re, b.re), mae(a.im, b.im)));
}
