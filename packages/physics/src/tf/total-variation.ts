import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import type { ComplexTensor } from './types.js';

/**
 * Total variation of a complex object (SPEC §3 real-space term): for real and imaginary parts,
 * the sum of absolute differences between vertically and horizontally adjacent pixels
 * (anisotropic, as `tf.image.total_variation`), over rows, columns and channels, averaged over
 * the batch:
 *
 *   TV = (1/B)·Σ_b Σ_{part ∈ re, im} (Σ |x[i+1, j] − x[i, j]| + Σ |x[i, j+1] − x[i, j]|).
 *
 * @shape object (B, H, W, C) float32 pair
 */
export function totalVariation(object: ComplexTensor<tf.Tensor4D>): tf.Scalar {
  const [B, H, W, C] = object.re.shape;
  if (object.re.rank !== 4 || !tf.util.arraysEqual(object.re.shape, object.im.shape)) {
    throw new InputError('totalVariation needs (B, H, W, C) re and im of the same shape', { key: 'object', expected: '(B, H, W, C)', actual: `re ${JSON.stringify(object.re.shape)}, im ${JSON.stringify(object.im.shape)}` });
  }
  return tf.tidy(() => {
    const tv = (x: tf.Tensor4D) => {
      const dv = H > 1 ? tf.sum(tf.abs(tf.sub(tf.slice(x, [0, 1, 0, 0], [B, H - 1, W, C]), tf.slice(x, [0, 0, 0, 0], [B, H - 1, W, C])))) : tf.scalar(0);
      const dh = W > 1 ? tf.sum(tf.abs(tf.sub(tf.slice(x, [0, 0, 1, 0], [B, H, W - 1, C]), tf.slice(x, [0, 0, 0, 0], [B, H, W - 1, C])))) : tf.scalar(0);
      return tf.add(dv, dh);
    };
    return tf.div(tf.add(tv(object.re), tv(object.im)), B);
  });
}
