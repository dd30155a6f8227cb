import type { Tensor } from '@tensorflow/tfjs-core';

/**
 * A complex tensor as two float32 tensors of the same shape: real and imaginary part (SPEC §5:
 * wasm has no complex kernels and tfjs has no complex gradients, so every op here works on the
 * pair and is differentiable with ordinary real gradients on every backend).
 */
export interface ComplexTensor<T extends Tensor = Tensor> {
  readonly re: T;
  readonly im: T;
}

/** A real tensor, or a complex pair of such tensors. */
export type RealOrComplex<T extends Tensor = Tensor> = T | ComplexTensor<T>;
