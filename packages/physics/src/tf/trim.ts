import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { canvasOffset } from './internal/canvas-offset.js';
import { mapComplex } from './internal/map-complex.js';
import { isComplex } from './is-complex.js';
import type { RealOrComplex } from './types.js';

/**
 * The centre N×N of each canvas (SPEC §3 "trim to the centre N×N"): rows and columns
 * `(S−N)/2 … (S−N)/2 + N − 1`. Inverse of {@link padToCanvas} (and its adjoint).
 *
 * @shape x (B, S, S, C) float32 (or a {re, im} pair), S ≥ N, S − N even → (B, N, N, C)
 */
export function trim<P extends RealOrComplex<tf.Tensor4D>>(x: P, N: number): P {
  const shape = (isComplex(x) ? x.re : (x as tf.Tensor4D)).shape;
  const [B, S, S2, C] = shape;
  if (shape.length !== 4 || S !== S2) throw new InputError('trim needs square images', { key: 'x', expected: '(B, S, S, C)', actual: JSON.stringify(shape) });
  const o = canvasOffset(S, N, 'N');
  return mapComplex(x as RealOrComplex<tf.Tensor4D>, (t) => tf.slice(t, [0, o, o, 0], [B, N, N, C])) as P;
}
