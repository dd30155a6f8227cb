import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { canvasOffset } from './internal/canvas-offset.js';
import { mapComplex } from './internal/map-complex.js';
import { isComplex } from './is-complex.js';
import type { RealOrComplex } from './types.js';

/**
 * Zero-pad each N×N image to a centred S×S canvas (SPEC §3: the object path when object.big is
 * off). Inverse of {@link trim} on the centre, and its adjoint.
 *
 * @shape x (B, N, N, C) float32 (or a {re, im} pair) → (B, S, S, C), S ≥ N, S − N even
 */
export function padToCanvas<P extends RealOrComplex<tf.Tensor4D>>(x: P, canvasSize: number): P {
  const shape = (isComplex(x) ? x.re : (x as tf.Tensor4D)).shape;
  const [, N, N2] = shape;
  if (shape.length !== 4 || N !== N2) throw new InputError('padToCanvas needs square images', { key: 'x', expected: '(B, N, N, C)', actual: JSON.stringify(shape) });
  const o = canvasOffset(canvasSize, N, 'canvasSize');
  return mapComplex(x as RealOrComplex<tf.Tensor4D>, (t) => tf.pad(t, [[0, 0], [o, o], [o, o], [0, 0]])) as P;
}
