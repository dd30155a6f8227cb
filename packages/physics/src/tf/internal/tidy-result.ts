import * as tf from '@tensorflow/tfjs-core';
import type { RealOrComplex } from '../types.js';

/** `tf.tidy` for a function returning a tensor or a {re, im} pair (typed for our pairs). */
export function tidyResult<P extends RealOrComplex>(fn: () => P): P {
  return tf.tidy(fn as unknown as () => tf.TensorContainer) as unknown as P;
}
