import type * as tf from '@tensorflow/tfjs-core';

/** Read a tensor asynchronously (works on WebGPU in Node, where `dataSync` does not) and dispose it. */
export async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
