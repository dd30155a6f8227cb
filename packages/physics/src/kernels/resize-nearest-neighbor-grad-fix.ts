import type * as tf from '@tensorflow/tfjs-core';

interface TensorInfoMaker {
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): tf.TensorInfo;
}

/** Source index of each output index of tfjs's `ResizeNearestNeighbor` (tfjs-backend-cpu 4.22 rule). */
function sourceIndex(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): Int32Array {
  const effIn = alignCorners && outSize > 1 ? inSize - 1 : inSize;
  const effOut = alignCorners && outSize > 1 ? outSize - 1 : outSize;
  const ratio = effIn / effOut;
  const src = new Int32Array(outSize);
  for (let r = 0; r < outSize; r++) {
    const frac = halfPixelCenters ? ratio * (r + 0.5) : ratio * r;
    let s = Math.min(inSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
    if (halfPixelCenters) s = Math.max(0, s);
    src[r] = s;
  }
  return src;
}

/**
 * A correct `ResizeNearestNeighborGrad` for typed-array backends (cpu): the exact adjoint of the
 * forward resize, a scatter-add of dy onto the source pixel of every output pixel. Replaces
 * tfjs-backend-cpu 4.22's kernel, which indexes dy with the image's batch stride and is wrong
 * for batch > 1 (16 of 32 entries wrong at B=2, 4×4→8×8; notes/tfjs-lab.md §1), and which also
 * ignores `halfPixelCenters`.
 */
export const resizeNearestNeighborGradFix: tf.KernelFunc = ({ inputs, backend: kb, attrs }) => {
  const backend = kb as tf.KernelBackend;
  const { images, dy } = inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
  const { alignCorners, halfPixelCenters } = attrs as unknown as tf.ResizeNearestNeighborGradAttrs;
  const [B, H, W, C] = images.shape as [number, number, number, number];
  const [, Ho, Wo] = dy.shape as [number, number, number, number];
  const g = backend.readSync(dy.dataId) as Float32Array;
  const rows = sourceIndex(H, Ho, alignCorners, halfPixelCenters);
  const cols = sourceIndex(W, Wo, alignCorners, halfPixelCenters);
  const out = new Float32Array(B * H * W * C);
  let k = 0;
  for (let b = 0; b < B; b++) for (let r = 0; r < Ho; r++) {
    const rowBase = (b * H + rows[r]!) * W;
    for (let c = 0; c < Wo; c++) {
      const o = (rowBase + cols[c]!) * C;
      for (let d = 0; d < C; d++) out[o + d]! += g[k++]!;
    }
  }
  return (backend as unknown as TensorInfoMaker).makeTensorInfo([B, H, W, C], 'float32', out);
};
