import * as tf from '@tensorflow/tfjs-core';
import type { HeapBackend } from './heap-backend.js';

/**
 * `PadV2` (constant padding) on wasm as a fill of the output and copies of contiguous runs between
 * views of the wasm heap. tfjs-backend-wasm 4.22's own kernel takes ~17 ns per output element
 * (57 ms to pad (64, 64, 64, 3) to (64, 129, 129, 3), against 1 ms to copy the input; issue 16),
 * and the bilinear resampling behind extraction and reassembly pads every step. Same values, bit
 * for bit; any rank; negative paddings and `string` tensors go to `general` (the stock kernel).
 */
export function padFill(general: tf.KernelFunc | undefined): tf.KernelFunc {
  return (args) => {
    const { inputs, attrs } = args;
    const x = inputs['x'] as tf.TensorInfo;
    const b = args.backend as unknown as HeapBackend;
    const { paddings, constantValue } = attrs as unknown as tf.PadV2Attrs;
    if (x.dtype === 'string' || typeof b.typedArrayFromHeap !== 'function' || paddings.some(([lo, hi]) => lo! < 0 || hi! < 0)) {
      if (general === undefined) throw new Error('PadV2 fill: no general kernel for this input');
      return general(args);
    }
    const rank = x.shape.length;
    const outShape = x.shape.map((s, d) => paddings[d]![0]! + s + paddings[d]![1]!);
    const out = b.makeOutput(outShape, x.dtype); // before taking views: allocating may grow (and detach) the heap
    const src = b.typedArrayFromHeap(x);
    const dst = b.typedArrayFromHeap(out);
    dst.fill(constantValue);
    const total = src.length;
    if (total === 0) return out;
    if (rank === 0) {
      dst[0] = src[0]!;
      return out;
    }
    // The input is copied in contiguous runs: the trailing axes without padding and the one before
    // them form one run. An odometer walks the outer input indices.
    const outStrides = [...tf.util.computeStrides(outShape), 1];
    let inner = rank - 1;
    while (inner > 0 && paddings[inner]![0] === 0 && paddings[inner]![1] === 0) inner--;
    const run = x.shape.slice(inner).reduce((p, e) => p * e, 1);
    const idx = new Array<number>(inner).fill(0);
    for (let o = 0; o < total; o += run) {
      let to = paddings[inner]![0]! * outStrides[inner]!;
      for (let d = 0; d < inner; d++) to += (paddings[d]![0]! + idx[d]!) * outStrides[d]!;
      if (run < 16) for (let k = 0; k < run; k++) dst[to + k] = src[o + k]!;
      else dst.set(src.subarray(o, o + run), to);
      for (let d = inner - 1; d >= 0; d--) {
        if (++idx[d]! < x.shape[d]!) break;
        idx[d] = 0;
      }
    }
    return out;
  };
}
