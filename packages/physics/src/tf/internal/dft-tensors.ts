import * as tf from '@tensorflow/tfjs-core';
import { shiftedDftMatrix } from '../shifted-dft-matrix.js';
import { cachedConstant } from './cached-constant.js';

/** The shifted DFT matrix `F = C − iS` and its transposes as constant tensors of the active backend. */
export interface DftTensors {
  /** @shape (n, n) */ readonly C: tf.Tensor2D;
  /** @shape (n, n) */ readonly S: tf.Tensor2D;
  /** Cᵀ, pre-transposed (wasm's transposed matmul is ~5x slower, notes/tfjs-lab.md §1) @shape (n, n) */
  readonly CT: tf.Tensor2D;
  /** Sᵀ @shape (n, n) */ readonly ST: tf.Tensor2D;
}

function transposed(a: Float32Array, n: number): Float32Array {
  const t = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j]!;
  return t;
}

/** DFT matrices for side n, cached per (n, backend). */
export function dftTensors(n: number): DftTensors {
  let m: ReturnType<typeof shiftedDftMatrix> | undefined;
  const mk = (name: string, pick: (m: ReturnType<typeof shiftedDftMatrix>) => Float32Array) =>
    cachedConstant(`dft:${n}:${name}`, () => tf.tensor2d(pick((m ??= shiftedDftMatrix(n))), [n, n], 'float32'));
  return {
    C: mk('C', (m) => m.cos),
    S: mk('S', (m) => m.sin),
    CT: mk('CT', (m) => transposed(m.cos, n)),
    ST: mk('ST', (m) => transposed(m.sin, n)),
  };
}
