import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { dft2TransposedSlices } from './internal/dft2-slices.js';
import type { ComplexTensor } from './types.js';

/**
 * Centred 2-D DFT over the last two axes: `fftshift(fft2(x))` with numpy's conventions (no
 * normalisation, shift by ⌊n/2⌋) — the linear part of {@link padAndDiffract} (SPEC §3, §5), as
 * real matrix products with precomputed cos/sin matrices. Differentiable by ordinary autodiff;
 * {@link padAndDiffract} uses a faster custom gradient. Its adjoint is {@link dft2Adjoint}.
 *
 * @shape x (..., n, n) float32 pair → (..., n, n) float32 pair
 */
export function dft2(x: ComplexTensor): ComplexTensor {
  const shape = x.re.shape;
  const n = shape[shape.length - 1]!;
  if (shape.length < 2 || shape[shape.length - 2] !== n || !tf.util.arraysEqual(shape, x.im.shape)) {
    throw new InputError('dft2 needs square trailing axes and matching re/im shapes', { key: 'x', expected: '(..., n, n) re and im', actual: `re ${JSON.stringify(shape)}, im ${JSON.stringify(x.im.shape)}` });
  }
  return tf.tidy(() => {
    const R = tf.util.sizeFromShape(shape) / (n * n);
    const [tr, ti] = dft2TransposedSlices(tf.reshape(x.re, [R, n, n]), tf.reshape(x.im, [R, n, n]));
    return { re: tf.reshape(tf.transpose(tr, [0, 2, 1]), shape), im: tf.reshape(tf.transpose(ti, [0, 2, 1]), shape) };
  });
}
