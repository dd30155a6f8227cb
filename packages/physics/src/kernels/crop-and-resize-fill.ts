import * as tf from '@tensorflow/tfjs-core';
import { callKernel, releaseData } from './call-kernel.js';
import { cropAndResizeInto } from './crop-and-resize-into.js';

/** The part of tfjs-backend-wasm's `BackendWasm` this kernel uses (its tensors live in the wasm heap). */
interface WasmHeapBackend extends tf.KernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}

/**
 * `CropAndResize` for the wasm backend, computed by {@link cropAndResizeInto} directly on the wasm
 * heap (no copies). It replaces tfjs-backend-wasm 4.22's kernel, which is wrong in two ways
 * (measured; issue 7):
 * - it computes each input offset in float32 (`int ind = c + left_ind·stride + …` with float
 *   `left_ind`), so every read past element 2^24 (64 MiB of image) is rounded to a neighbouring
 *   element — another pixel or another channel. `reassemble` of 89 groups of 4 complex patches
 *   stacks 356 images of 257²×3 floats; boxes past the 2^24 mark mixed the mask plane with the
 *   real and imaginary planes and the overlap-normalized object reached 985–3273 where cpu gives 1;
 * - a row-`memcpy` fast path taken when `y1·H + Δ` and `x1·(W − 1) + Δ` are whole numbers copies
 *   from column 0, ignoring `x1` (its test uses H where W − 1 belongs).
 * This version agrees exactly with the cpu backend (same float64 arithmetic) and measured 2.4–3.1×
 * faster than the stock kernel at the shapes of `reassemble` and `extractPatches`.
 */
export function cropAndResizeFill(backendName: string): tf.KernelFunc {
  return (args) => {
    const backend = args.backend as WasmHeapBackend;
    const { image, boxes, boxInd } = args.inputs as { image: tf.TensorInfo; boxes: tf.TensorInfo; boxInd: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.CropAndResizeAttrs;
    const [cropHeight, cropWidth] = attrs.cropSize;
    const temps: tf.TensorInfo[] = [];
    try {
      const img = image.dtype === 'float32' ? image : callKernel('Cast', backendName, backend, { x: image }, { dtype: 'float32' });
      if (img !== image) temps.push(img);
      const numBoxes = boxes.shape[0]!;
      const shape = image.shape as [number, number, number, number];
      // Allocate first: growing the heap detaches earlier views.
      const out = backend.makeOutput([numBoxes, cropHeight, cropWidth, shape[3]], 'float32');
      cropAndResizeInto(
        backend.typedArrayFromHeap(img),
        {
          imageShape: shape,
          boxes: backend.typedArrayFromHeap(boxes),
          boxInd: backend.typedArrayFromHeap(boxInd),
          cropSize: [cropHeight, cropWidth],
          method: attrs.method === 'nearest' ? 'nearest' : 'bilinear',
          extrapolationValue: attrs.extrapolationValue,
        },
        backend.typedArrayFromHeap(out) as Float32Array,
      );
      return out;
    } finally {
      releaseData(backend, temps);
    }
  };
}
