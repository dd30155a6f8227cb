import * as tf from '@tensorflow/tfjs-core';
import { callKernel, releaseData } from './call-kernel.js';

/**
 * `Conv2DBackpropFilter` (dW) built from the backend's own `Conv2D` — the "tconv" method of
 * notes/tfjs-lab.md §1, which routes the work through XNNPACK on wasm (the kernel is missing
 * there; 137–231 ms vs 700+ ms for matmul variants in the lab):
 *
 *   dW[a, b, ci, co] = Σ_{n,i,j} xpad[n, s·i + a, s·j + b, ci] · dy[n, i, j, co]
 *
 * is a valid convolution of `xᵀ = transpose(x, [3,1,2,0])` (batch Ci, channels B) with the
 * filter `dyᵀ = transpose(dy, [1,2,0,3])` (Ho×Wo taps, B in, Co out) at dilation = stride, with
 * the forward padding passed as explicit padding (rows beyond the last used one are cut off);
 * the result (Ci, fh, fw, Co) is transposed to (fh, fw, Ci, Co). Any stride, any padding
 * ('same', 'valid', explicit), NHWC or NCHW.
 */
export function conv2DBackpropFilterFill(backendName: string): tf.KernelFunc {
  return ({ inputs, backend: b, attrs }) => {
    const backend = b as tf.KernelBackend;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const run = (name: string, ins: Record<string, tf.TensorInfo>, at: Record<string, unknown>) => callKernel(name, backendName, backend, ins, at);
    const temps: tf.TensorInfo[] = [];
    try {
      let xh = x;
      let dyh = dy;
      if (a.dataFormat === 'NCHW') {
        xh = run('Transpose', { x }, { perm: [0, 2, 3, 1] });
        dyh = run('Transpose', { x: dy }, { perm: [0, 2, 3, 1] });
        temps.push(xh, dyh);
      }
      const [B, H, W, Ci] = xh.shape as [number, number, number, number];
      const info = tf.backend_util.computeConv2DInfo([B, H, W, Ci], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
      const { top, left } = info.padInfo;
      const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, outHeight: Ho, outWidth: Wo } = info;
      let bottom = (Ho - 1) * sh + fh - H - top;
      let right = (Wo - 1) * sw + fw - W - left;
      let xt = run('Transpose', { x: xh }, { perm: [3, 1, 2, 0] }); // (Ci, H, W, B)
      temps.push(xt);
      if (bottom < 0 || right < 0) {
        xt = run('Slice', { x: xt }, { begin: [0, 0, 0, 0], size: [Ci, H + Math.min(bottom, 0), W + Math.min(right, 0), B] });
        temps.push(xt);
        bottom = Math.max(bottom, 0);
        right = Math.max(right, 0);
      }
      const dyt = run('Transpose', { x: dyh }, { perm: [1, 2, 0, 3] }); // (Ho, Wo, B, Co)
      temps.push(dyt);
      const conv = run('Conv2D', { x: xt, filter: dyt }, {
        strides: [1, 1],
        pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [sh, sw],
        dimRoundingMode: undefined,
      }); // (Ci, fh, fw, Co)
      temps.push(conv);
      return run('Transpose', { x: conv }, { perm: [1, 2, 0, 3] });
    } finally {
      releaseData(backend, temps);
    }
  };
}
