import * as tf from '@tensorflow/tfjs-core';
import type { HeapBackend } from './heap-backend.js';

/**
 * `Slice` on wasm as a copy between views of the wasm heap. The stock kernel (tfjs-backend-wasm
 * 4.22) first copies its whole input out of the heap (`readSync`) and then the slice out of that
 * copy, so cutting a patch out of a large tensor costs as much as copying the tensor; in a
 * training step that was ~3% of kernel time (tf.profile, issue 10). Same values, bit for bit;
 * any rank; `string` tensors go to `general` (the stock kernel).
 */
export function sliceFill(general: tf.KernelFunc | undefined): tf.KernelFunc {
  return (args) => {
    const { inputs, attrs } = args;
    const x = inputs['x'] as tf.TensorInfo;
    const b = args.backend as unknown as HeapBackend;
    if (x.dtype === 'string' || typeof b.typedArrayFromHeap !== 'function') {
      if (general === undefined) throw new Error('Slice fill: no general kernel for this input');
      return general(args);
    }
    const { begin, size } = attrs as unknown as tf.SliceAttrs;
    const [start, extent] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
    const out = b.makeOutput(extent, x.dtype); // before taking views: allocating may grow (and detach) the heap
    const src = b.typedArrayFromHeap(x);
    const dst = b.typedArrayFromHeap(out);
    const rank = x.shape.length;
    const total = extent.reduce((p, s) => p * s, 1);
    if (total === 0) return out;
    if (rank === 0 || tf.slice_util.isSliceContinous(x.shape, start, extent)) {
      const offset = rank === 0 ? 0 : tf.slice_util.computeFlatOffset(start, tf.util.computeStrides(x.shape));
      dst.set(src.subarray(offset, offset + total));
      return out;
    }
    // Copy contiguous runs: the trailing axes taken whole and the one before them form one run
    // (a W-slice of (B, H, W, 1) copies runs of W − 1, not single elements; issue 16). An odometer
    // walks the outer indices.
    const strides = [...tf.util.computeStrides(x.shape), 1];
    let inner = rank - 1;
    while (inner > 0 && start[inner] === 0 && extent[inner] === x.shape[inner]) inner--;
    const run = extent.slice(inner).reduce((p, e) => p * e, 1);
    const idx = new Array<number>(inner).fill(0);
    for (let o = 0; o < total; o += run) {
      let from = start[inner]! * strides[inner]!;
      for (let d = 0; d < inner; d++) from += (start[d]! + idx[d]!) * strides[d]!;
      if (run < 16) for (let k = 0; k < run; k++) dst[o + k] = src[from + k]!;
      else dst.set(src.subarray(from, from + run), o);
      for (let d = inner - 1; d >= 0; d--) {
        if (++idx[d]! < extent[d]!) break;
        idx[d] = 0;
      }
    }
    return out;
  };
}
