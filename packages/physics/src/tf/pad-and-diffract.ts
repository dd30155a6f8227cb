import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { dft2TransposedAdjointSlices, dft2TransposedSlices } from './internal/dft2-slices.js';
import type { ComplexTensor } from './types.js';

/**
 * Floor on the amplitude in the gradient's divisor, `Yr/(N²·max(A, TINY))`. For A ≥ TINY the
 * gradient is exact. Below it |Yr| ≤ N·A keeps the ratio under 1/N, and even when |Y|² underflows
 * float32 (|Y| < 1e−19, A computed as 0) the ratio stays under 10/N². At an exact zero the
 * gradient is 0 (the subgradient choice): never NaN or Inf.
 */
const TINY = 1e-20;

/**
 * Far-field amplitude of exit waves (SPEC §3 "Forward model"):
 * `I = |FFT2(Ψ)|² / N²`, `A = sqrt(fftshift(I))`, per channel.
 *
 * The 2-D DFT is two products with precomputed cos/sin matrices that have `fftshift` folded in
 * (see {@link shiftedDftMatrix}); no complex dtype, so it runs on every backend (SPEC §5). The op
 * is one `tf.customGrad`: the backward pass is `dΨ = Fᴴ·(dA·Y/(N²·A))·conj(F)` computed with
 * pre-transposed constant matrices (notes/tfjs-lab.md §3: 4x faster backward on wasm than
 * autodiff), and a safe division at A = 0 (see `TINY`), so the square root never yields a NaN
 * gradient. DFT matrices are cached per (N, backend). There is no zero-padding: SPEC §3's forward
 * model is the N×N DFT (the name is PtychoPINN's).
 *
 * @shape field (B, N, N, C) float32 pair → amplitude (B, N, N, C) float32
 */
export function padAndDiffract(field: ComplexTensor<tf.Tensor4D>): tf.Tensor4D {
  const shape = field.re.shape;
  const [B, N, W, C] = shape;
  if (shape.length !== 4 || N !== W || !tf.util.arraysEqual(shape, field.im.shape)) {
    throw new InputError('padAndDiffract needs square patches with matching re/im shapes', {
      key: 'field',
      expected: '(B, N, N, C) re and im',
      actual: `re ${JSON.stringify(shape)}, im ${JSON.stringify(field.im.shape)}`,
    });
  }
  const R = B * C;
  const n2 = N * N;
  // (B, N, N, C) → (B·C, N, N) slices; free (a reshape) when C = 1.
  const toSlices = (x: tf.Tensor): tf.Tensor3D =>
    (C === 1 ? tf.reshape(x, [R, N, N]) : tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [R, N, N])) as tf.Tensor3D;
  // The transform comes back transposed, [r, k_col, k_row]: (B, C, Kc, Kr) → (B, Kr, Kc, C).
  const fromTransposedSlices = (y: tf.Tensor): tf.Tensor4D => tf.transpose(tf.reshape(y, [B, C, N, N]), [0, 3, 2, 1]);
  const fromSlices = (x: tf.Tensor): tf.Tensor4D =>
    C === 1 ? tf.reshape(x, [B, N, N, 1]) : tf.transpose(tf.reshape(x, [B, C, N, N]), [0, 2, 3, 1]);

  const op = tf.customGrad((re, im, save) => {
    const [yr, yi] = dft2TransposedSlices(toSlices(re as tf.Tensor), toSlices(im as tf.Tensor));
    const amp = tf.sqrt(tf.div(tf.add(tf.square(yr), tf.square(yi)), n2));
    (save as tf.GradSaveFunc)([yr, yi, amp]);
    return {
      value: fromTransposedSlices(amp),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const [sr, si, a] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
          // dA/dYr = Yr/(N²·A): gradient in the transposed-slice layout of the saved tensors.
          const dyT = tf.reshape(tf.transpose(dy, [0, 3, 2, 1]), [R, N, N]);
          const d = tf.mul(tf.maximum(a, TINY), n2);
          const [dr, di] = dft2TransposedAdjointSlices(tf.mul(dyT, tf.div(sr, d)), tf.mul(dyT, tf.div(si, d)));
          return [fromSlices(dr), fromSlices(di)];
        }),
    };
  });
  return op(field.re, field.im) as tf.Tensor4D;
}
