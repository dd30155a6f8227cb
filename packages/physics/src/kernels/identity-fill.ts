import type * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's backend this fill uses: its reference count per data id. */
interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

/**
 * `Identity` on wasm that shares its input's data instead of copying it, as the cpu backend's does
 * and wasm's own `Reshape` does (tensor data is immutable; the backend counts references). tfjs
 * clones every tensor a gradient saves for the backward pass with `Identity`: ~215 clones per
 * training step, every activation of the U-Net among them, which tfjs-backend-wasm 4.22 allocated
 * and copied (issue 16). Same values; `string` tensors go to `general` (the stock kernel).
 */
export function identityFill(general: tf.KernelFunc | undefined): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'] as tf.TensorInfo;
    const b = args.backend as unknown as Partial<RefCountingBackend>;
    if (x.dtype === 'string' || typeof b.incRef !== 'function') {
      if (general === undefined) throw new Error('Identity fill: no general kernel for this input');
      return general(args);
    }
    b.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}
