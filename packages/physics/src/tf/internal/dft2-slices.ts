import * as tf from '@tensorflow/tfjs-core';
import { dftTensors } from './dft-tensors.js';

type Pair = [tf.Tensor3D, tf.Tensor3D];

/** Right product of complex rows with `M = Mr + i·Mi` given as `(Mr, Mi)`; `sign = −1` uses `Mr − i·Mi`. */
function rightProduct(re: tf.Tensor3D, im: tf.Tensor3D, mr: tf.Tensor2D, mi: tf.Tensor2D, sign: 1 | -1): Pair {
  const [R, a, n] = re.shape;
  const xr = tf.reshape(re, [R * a, n]) as tf.Tensor2D;
  const xi = tf.reshape(im, [R * a, n]) as tf.Tensor2D;
  // (Xr + iXi)(Mr + i·sign·Mi) = Xr·Mr − sign·Xi·Mi + i(Xi·Mr + sign·Xr·Mi)
  const pr = sign === 1 ? tf.sub(tf.matMul(xr, mr), tf.matMul(xi, mi)) : tf.add(tf.matMul(xr, mr), tf.matMul(xi, mi));
  const pi = sign === 1 ? tf.add(tf.matMul(xi, mr), tf.matMul(xr, mi)) : tf.sub(tf.matMul(xi, mr), tf.matMul(xr, mi));
  const m = mr.shape[1];
  return [tf.reshape(pr, [R, a, m]) as tf.Tensor3D, tf.reshape(pi, [R, a, m]) as tf.Tensor3D];
}

const swap = (x: tf.Tensor3D): tf.Tensor3D => tf.transpose(x, [0, 2, 1]);

/**
 * Shifted 2-D DFT of a stack of n×n slices, returned TRANSPOSED: `Yᵀ` with `Y = F·X·Fᵀ`,
 * `F = C − iS` from {@link dftTensors}, i.e. `Y = fftshift(fft2(X))` (SPEC §3, §5).
 *
 * Only right products with constant matrices are used (`A = X·Fᵀ`, transpose, `Aᵀ·Fᵀ = Yᵀ`):
 * on wasm a batched left product with a broadcast matrix is ~6x slower than one big right product
 * (measured: 17.9 vs 2.8 ms for 16 slices of 64², including a transpose), and a transposed matmul ~5x
 * slower (notes/tfjs-lab.md §1). Callers that only need |Y| skip the final transpose.
 *
 * @shape re, im (R, n, n) float32 → (R, n, n) indexed [r, k_col, k_row]
 */
export function dft2TransposedSlices(re: tf.Tensor3D, im: tf.Tensor3D): Pair {
  const { CT, ST } = dftTensors(re.shape[2]);
  const [ar, ai] = rightProduct(re, im, CT, ST, -1); // X·Fᵀ, Fᵀ = Cᵀ − iSᵀ
  return rightProduct(swap(ar), swap(ai), CT, ST, -1); // (X·Fᵀ)ᵀ·Fᵀ = (F·X·Fᵀ)ᵀ
}

/**
 * Adjoint of {@link dft2TransposedSlices}: given `G` shaped like its output, returns
 * `Fᴴ·Gᵀ·conj(F)` — the gradient of a real loss w.r.t. (re, im) given its gradient w.r.t. the
 * transform. Right products with `conj(F) = C + iS` only (no transposed matmul).
 *
 * @shape re, im (R, n, n) float32
 */
export function dft2TransposedAdjointSlices(re: tf.Tensor3D, im: tf.Tensor3D): Pair {
  const { C, S } = dftTensors(re.shape[2]);
  const [zr, zi] = rightProduct(re, im, C, S, 1); // G·conj(F) = (Fᴴ·Gᵀ)ᵀ
  return rightProduct(swap(zr), swap(zi), C, S, 1); // (Fᴴ·Gᵀ)·conj(F)
}
