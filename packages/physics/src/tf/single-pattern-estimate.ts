import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { dft2 } from './dft2.js';
import { dft2Adjoint } from './dft2-adjoint.js';
import type { ComplexTensor } from './types.js';

/** Floor of |Ψ| in the modulus replacement: Ψ·(N·X)/max(|Ψ|, ε). */
const EPS = 1e-6;

/**
 * A physics estimate of each pattern's object patch from that pattern alone (issue 15: the U-Net's
 * physics-informed input): `iterations` steps of ePIE (Maiden & Rodenburg 2009, α = 1) on the one
 * pattern with the known probe, from a flat object of the energy the pattern holds,
 * `O₀ = sqrt(Σ X² / Σ |P|²)` (Parseval with SPEC §3's `I = |FFT2(Ψ)|²/N²`). Each step:
 * `ψ = P·O`, `Ψ = fftshift(FFT2 ψ)`, `Ψ' = Ψ·N·X/|Ψ|` (the measured modulus), `ψ' = IFFT2(ifftshift Ψ')`,
 * `O ← O + conj(P)·(ψ' − ψ)/max|P|²`. A single pattern cannot fix the object where the probe is
 * weak nor every ambiguity; the estimate puts the Fourier-space inversion a convolutional network
 * cannot easily learn into its input, so the network only has to correct it locally.
 *
 * Linear algebra only (the DFT as matrix products, {@link dft2}), so it runs on every backend and
 * is differentiable, though nothing upstream of it is trained.
 *
 * @shape x (B, N, N, C) float32 — normalized amplitude X (fftshifted, SPEC §3)
 * @shape probe (N, N) float32 pair — the model probe
 * @returns (B, N, N, C) float32 pair — the object estimate, in the model's units
 */
export function singlePatternEstimate(x: tf.Tensor4D, probe: ComplexTensor<tf.Tensor2D>, iterations: number): ComplexTensor<tf.Tensor4D> {
  const [B, N, W, C] = x.shape;
  if (N !== W || probe.re.shape[0] !== N || probe.re.shape[1] !== N) {
    throw new InputError('the probe must be N×N with N the pattern side', { key: 'probe', expected: `(${N}, ${N})`, actual: `(${probe.re.shape.join(', ')})` });
  }
  if (!Number.isInteger(iterations) || iterations < 0) throw new InputError('iterations must be an integer ≥ 0', { key: 'iterations', expected: 'integer ≥ 0', actual: String(iterations) });
  return tf.tidy(() => {
    // (B, N, N, C) → (B, C, N, N): the DFT runs over the last two axes.
    const X = C === 1 ? tf.reshape(x, [B, 1, N, N]) : tf.transpose(x, [0, 3, 1, 2]);
    const pr = tf.reshape(probe.re, [1, 1, N, N]), pi = tf.reshape(probe.im, [1, 1, N, N]);
    const pEnergy = tf.sum(tf.add(tf.square(probe.re), tf.square(probe.im)));
    const pMax = tf.max(tf.add(tf.square(probe.re), tf.square(probe.im)));
    let or: tf.Tensor = tf.mul(tf.onesLike(X), tf.sqrt(tf.div(tf.sum(tf.square(X), [2, 3], true), pEnergy)));
    let oi: tf.Tensor = tf.zerosLike(X);
    for (let t = 0; t < iterations; t++) {
      const wr = tf.sub(tf.mul(pr, or), tf.mul(pi, oi)), wi = tf.add(tf.mul(pr, oi), tf.mul(pi, or));
      const F = dft2({ re: wr, im: wi });
      const scale = tf.div(tf.mul(X, N), tf.maximum(tf.sqrt(tf.add(tf.square(F.re), tf.square(F.im))), EPS));
      const q = dft2Adjoint({ re: tf.mul(F.re, scale), im: tf.mul(F.im, scale) });
      const n2 = N * N;
      const dr = tf.sub(tf.div(q.re, n2), wr), di = tf.sub(tf.div(q.im, n2), wi);
      or = tf.add(or, tf.div(tf.add(tf.mul(pr, dr), tf.mul(pi, di)), pMax));
      oi = tf.add(oi, tf.div(tf.sub(tf.mul(pr, di), tf.mul(pi, dr)), pMax));
    }
    const back = (t: tf.Tensor) => (C === 1 ? tf.reshape(t, [B, N, N, 1]) : tf.transpose(t, [0, 2, 3, 1])) as tf.Tensor4D;
    return { re: back(or), im: back(oi) };
  });
}
