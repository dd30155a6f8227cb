import type { Tensor } from '@tensorflow/tfjs-core';
import { isComplex } from '../is-complex.js';
import type { RealOrComplex } from '../types.js';

/** Apply a real-linear map to a real tensor, or to both parts of a complex pair. */
export function mapComplex<T extends Tensor, U extends Tensor>(x: RealOrComplex<T>, f: (t: T) => U): RealOrComplex<U> {
  return isComplex(x) ? { re: f(x.re), im: f(x.im) } : f(x);
}
