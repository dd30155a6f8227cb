import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { gaussianSmoothingMatrix } from './gaussian-smoothing-matrix.js';
import { cachedConstant } from './internal/cached-constant.js';
import { probeDiskMask } from './probe-disk-mask.js';
import type { ComplexTensor } from './types.js';

/** Options of {@link probeIllumination}. */
export interface ProbeIlluminationOptions {
  /** Multiply the probe by the N/4-radius disk of {@link probeDiskMask}. Default false. */
  readonly mask?: boolean;
  /**
   * σ of the 3×3 complex Gaussian smoothing of the probe (real and imaginary parts each, mirrored
   * borders, see {@link gaussianSmoothingMatrix}); 0 disables it. Default 0 (SPEC §3 defaults).
   */
  readonly smoothingSigma?: number;
}

/**
 * Exit waves `Ψ = P·O` (SPEC §3 "Forward model", "multiply by the probe (optional Gaussian
 * smoothing σ, optional N/4 disk mask)"): every channel of every patch times the same probe,
 * after smoothing (`G·P·Gᵀ`) and masking. Differentiable w.r.t. the patches and the probe (a
 * trainable probe is just a probe tensor that is a variable).
 *
 * @shape patches (B, N, N, C) float32 pair
 * @shape probe (N, N) float32 pair
 * @returns (B, N, N, C) float32 pair
 */
export function probeIllumination(patches: ComplexTensor<tf.Tensor4D>, probe: ComplexTensor<tf.Tensor2D>, opts: ProbeIlluminationOptions = {}): ComplexTensor<tf.Tensor4D> {
  const [, N, N2] = patches.re.shape;
  const ps = probe.re.shape;
  if (N !== N2 || ps.length !== 2 || ps[0] !== N || ps[1] !== N || !tf.util.arraysEqual(ps, probe.im.shape)) {
    throw new InputError('probe must be N×N with N the patch side', { key: 'probe', expected: `(${N}, ${N}) re and im`, actual: `re ${JSON.stringify(ps)}, im ${JSON.stringify(probe.im.shape)}` });
  }
  const sigma = opts.smoothingSigma ?? 0;
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new InputError('smoothing sigma must be finite and ≥ 0', { key: 'smoothingSigma', expected: '≥ 0', actual: String(sigma) });
  return tf.tidy(() => {
    let pr: tf.Tensor = probe.re;
    let pi: tf.Tensor = probe.im;
    if (sigma > 0) {
      const g = cachedConstant(`gauss:${N}:${sigma}`, () => tf.tensor2d(gaussianSmoothingMatrix(N, sigma), [N, N]));
      const gT = cachedConstant(`gaussT:${N}:${sigma}`, () => tf.transpose(g)); // pre-transposed: no transposed matmul
      const smooth = (p: tf.Tensor) => tf.matMul(tf.matMul(g, p as tf.Tensor2D), gT);
      [pr, pi] = [smooth(pr), smooth(pi)];
    }
    if (opts.mask) {
      const m = cachedConstant(`disk:${N}`, () => tf.tensor2d(probeDiskMask(N), [N, N]));
      [pr, pi] = [tf.mul(pr, m), tf.mul(pi, m)];
    }
    pr = tf.reshape(pr, [1, N, N, 1]);
    pi = tf.reshape(pi, [1, N, N, 1]);
    const { re: or, im: oi } = patches;
    return {
      re: tf.sub(tf.mul(or, pr), tf.mul(oi, pi)) as tf.Tensor4D,
      im: tf.add(tf.mul(or, pi), tf.mul(oi, pr)) as tf.Tensor4D,
    };
  });
}
