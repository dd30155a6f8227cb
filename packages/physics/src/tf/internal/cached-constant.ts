import * as tf from '@tensorflow/tfjs-core';

const cache = new Map<string, tf.Tensor>();

/**
 * A constant tensor built once per (key, active backend) and kept across calls and `tf.tidy`
 * scopes (DFT matrices, index-difference matrices, masks). `make` runs at most once per key while
 * the tensor lives; it may return typed-array based tensors.
 */
export function cachedConstant<T extends tf.Tensor>(key: string, make: () => T): T {
  const full = `${tf.getBackend()}|${key}`;
  const hit = cache.get(full);
  if (hit !== undefined && !hit.isDisposed) return hit as T;
  const t = tf.keep(tf.tidy(make));
  cache.set(full, t);
  return t;
}
