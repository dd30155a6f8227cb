import type { Tensor } from '@tensorflow/tfjs-core';
import type { ComplexTensor, RealOrComplex } from './types.js';

/** True when `x` is a `{re, im}` pair rather than a single real tensor. */
export function isComplex<T extends Tensor>(x: RealOrComplex<T>): x is ComplexTensor<T> {
  return typeof x === 'object' && x !== null && 're' in x && 'im' in x;
}
