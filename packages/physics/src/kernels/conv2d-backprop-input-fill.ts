import * as tf from '@tensorflow/tfjs-core';
import { callKernel, releaseData } from './call-kernel.js';

/**
 * `Conv2DBackpropInput` (dX) for stride 1 as a forward `Conv2D` — the "flip" method of
 * notes/tfjs-lab.md §1 (wasm's own kernel is a slow non-XNNPACK loop; a layer's fwd+bwd went from
 * 648 ms to 190 ms):
 *
 *   dx = Conv2D(dy, transpose(reverse(W, [0, 1]), [0, 1, 3, 2]), explicit padding
 *        [fh − 1 − top, H + top − Ho] × [fw − 1 − left, W + left − Wo]).
 *
 * Strides other than 1, NCHW, or padding that would need negative pads fall back to `general`
 * (the backend's stock kernel), which is correct for every case.
 */
export function conv2DBackpropInputFill(backendName: string, general: tf.KernelFunc | undefined): tf.KernelFunc {
  return (args) => {
    const { inputs, attrs } = args;
    const backend = args.backend as tf.KernelBackend;
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const a = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const fallback = () => {
      if (general === undefined) throw new Error(`Conv2DBackpropInput fill on '${backendName}': no general kernel for strides ${JSON.stringify(a.strides)}, dataFormat ${a.dataFormat}`);
      return general(args);
    };
    if (a.dataFormat === 'NCHW') return fallback();
    const info = tf.backend_util.computeConv2DInfo(a.inputShape, filter.shape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
    if (info.strideHeight !== 1 || info.strideWidth !== 1) return fallback();
    const { top, left } = info.padInfo;
    const pads = [info.filterHeight - 1 - top, info.inHeight + top - info.outHeight, info.filterWidth - 1 - left, info.inWidth + left - info.outWidth] as const;
    if (pads.some((p) => p < 0)) return fallback();
    const run = (name: string, ins: Record<string, tf.TensorInfo>, at: Record<string, unknown>) => callKernel(name, backendName, backend, ins, at);
    const temps: tf.TensorInfo[] = [];
    try {
      const flipped = run('Reverse', { x: filter }, { dims: [0, 1] });
      temps.push(flipped);
      const wT = run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] }); // (fh, fw, Co, Ci)
      temps.push(wT);
      return run('Conv2D', { x: dy, filter: wT }, {
        strides: [1, 1],
        pad: [[0, 0], [pads[0], pads[1]], [pads[2], pads[3]], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [1, 1],
        dimRoundingMode: undefined,
      });
    } finally {
      releaseData(backend, temps);
    }
  };
}
