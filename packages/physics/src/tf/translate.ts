import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { resample, stackLast, unstackLast } from './internal/resample.js';
import { tidyResult } from './internal/tidy-result.js';
import { isComplex } from './is-complex.js';
import type { RealOrComplex } from './types.js';

/**
 * Translate images by a per-image offset (SPEC §3 "Translation convention"):
 * `out(x, y) = in(x − tx, y − ty)`, bilinear, zero fill. Positive `tx` moves content right
 * (+columns), positive `ty` down (+rows); x is the column, y the row.
 *
 * Differentiable w.r.t. the image: the gradient is the translation by −t, the exact adjoint.
 * Offsets are data, read to the host (a tensor with `dataSync`, 2·B numbers); nothing is
 * differentiated w.r.t. them. All channels and both parts of a complex pair go in one pass.
 *
 * @shape image (B, H, W, C) float32, or a {re, im} pair of them
 * @shape offsets (B, 2) float32 as [tx, ty] per image
 */
export function translate<P extends RealOrComplex<tf.Tensor4D>>(image: P, offsets: tf.Tensor2D | readonly (readonly number[])[]): P {
  const shape = (isComplex(image) ? image.re : (image as tf.Tensor4D)).shape;
  const [B, H, W, C] = shape;
  const offShape = offsets instanceof tf.Tensor ? offsets.shape : [offsets.length, ...(offsets.every((o) => o.length === 2) ? [2] : [])];
  if (shape.length !== 4 || offShape.length !== 2 || offShape[0] !== B || offShape[1] !== 2) {
    throw new InputError('translate needs (B, H, W, C) images and (B, 2) offsets [tx, ty]', {
      key: 'offsets',
      expected: `image (B, H, W, C), offsets (${B ?? 'B'}, 2)`,
      actual: `image ${JSON.stringify(shape)}, offsets ${JSON.stringify(offShape)}`,
    });
  }
  const flat = Array.from(offsets instanceof tf.Tensor ? offsets.dataSync() : offsets.flat());
  if (!flat.every(Number.isFinite)) throw new InputError('translate offsets must be finite', { key: 'offsets', expected: 'finite numbers', actual: JSON.stringify(flat) });
  const tx = flat.filter((_, k) => k % 2 === 0);
  const ty = flat.filter((_, k) => k % 2 === 1);
  return tidyResult(() => {
    // Parts (B, H, W, C) → one (B, H, W, C·P) stack: all channels of image b share its shift.
    const parts = (isComplex(image) ? [image.re, image.im] : [image as tf.Tensor4D]).map((t) => tf.reshape(t, [B, H * W, C]) as tf.Tensor3D);
    const P = parts.length;
    const x = tf.reshape(stackLast(parts), [B, H, W, C * P]) as tf.Tensor4D; // channel order (c, p)
    const out = resample(x, ty, tx, { offset: 0, fanout: 1, inSize: [H, W], outSize: [H, W] }); // (B, H, W, C·P)
    const back = unstackLast(tf.reshape(out, [B, H * W, C, P]) as tf.Tensor4D).map((t) => tf.reshape(t, [B, H, W, C]) as tf.Tensor4D);
    return (isComplex(image) ? { re: back[0]!, im: back[1]! } : back[0]!) as P;
  });
}
