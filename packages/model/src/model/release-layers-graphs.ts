import * as tf from '@tensorflow/tfjs-core';

const FLAG = 'TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES';

/**
 * Let go of the graphs tfjs-layers keeps after a model is disposed. tfjs-layers caches the
 * topological sort of every (outputs, inputs) it executed in a module-level LRU cache of 100
 * entries; each entry holds the model's symbolic tensors and through them every layer, so a model
 * built and disposed every epoch (pretraining's held-out scoring) stays in memory for 100 epochs —
 * ≈ 200 KB of heap an epoch for the default U-Net, measured (issue 19 soak). Shrinking the cache to
 * 0 and back evicts every entry; a model still in use sorts its graph again on its next call (a
 * few microseconds). A no-op where tfjs-layers is not loaded.
 */
export function releaseLayersGraphs(): void {
  const env = tf.env();
  let n: number;
  try {
    n = env.getNumber(FLAG);
  } catch {
    return; // the flag is tfjs-layers': not registered, nothing cached
  }
  env.set(FLAG, 0);
  env.set(FLAG, n);
}
