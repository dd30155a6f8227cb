import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { dft2TransposedAdjointSlices } from './internal/dft2-slices.js';
import type { ComplexTensor } from './types.js';

/**
 * Adjoint (conjugate transpose) of {@link dft2} over the last two axes:
 * `x = Fᴴ·y·conj(F)`, i.e. `n²·ifft2(ifftshift(y))`. Satisfies `Re⟨dft2(a), b⟩ = Re⟨a, dft2Adjoint(b)⟩`
 * (STYLE §1), and is what {@link padAndDiffract}'s custom gradient applies.
 *
 * @shape y (..., n, n) float32 pair → (..., n, n) float32 pair
 */
export function dft2Adjoint(y: ComplexTensor): ComplexTensor {
  const shape = y.re.shape;
  const n = shape[shape.length - 1]!;
  if (shape.length < 2 || shape[shape.length - 2] !== n || !tf.util.arraysEqual(shape, y.im.shape)) {
    throw new InputError('dft2Adjoint needs square trailing axes and matching re/im shapes', { key: 'y', expected: '(..., n, n) re and im', actual: `re ${JSON.stringify(shape)}, im ${JSON.stringify(y.im.shape)}` });
  }
  return tf.tidy(() => {
    const R = tf.util.sizeFromShape(shape) / (n * n);
    const swapped = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [R, n, n]), [0, 2, 1]) as tf.Tensor3D;
    const [xr, xi] = dft2TransposedAdjointSlices(swapped(y.re), swapped(y.im));
    return { re: tf.reshape(xr, shape), im: tf.reshape(xi, shape) };
  });
}
