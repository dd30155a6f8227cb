import type * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's backend the copying fills use (views on the wasm heap, no copies). */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}
