import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { dft2 } from './dft2.js';
import { dft2Adjoint } from './dft2-adjoint.js';
import { extractPatches } from './extract-patches.js';
import type { Coords } from './internal/relative-shifts.js';
import { reassemble } from './reassemble.js';
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
      const u = probeWeightedCorrection(pr, pi, or, oi, X, N);
      or = tf.add(or, tf.div(u.re, pMax));
      oi = tf.add(oi, tf.div(u.im, pMax));
    }
    const back = (t: tf.Tensor) => (C === 1 ? tf.reshape(t, [B, N, N, 1]) : tf.transpose(t, [0, 2, 3, 1])) as tf.Tensor4D;
    return { re: back(or), im: back(oi) };
  });
}

/** The positions of a group's patterns and the canvas they share (`groupEstimate`). */
export interface GroupGeometry {
  /** @shape (B, 1, 2, C) — coords_relative (host values or a tensor), axis 2 = [x, y] */
  readonly coordsRelative: Coords;
  /** Side S of the group canvas (S ≥ N, S − N even). */
  readonly canvasSize: number;
}

/**
 * The object estimate of a group of overlapping patterns (issue 15, gridsize ≥ 2): `iterations`
 * steps of ptychography on the group's canvas with the known probe and relative positions, from a
 * flat object of the patterns' mean energy. Each step updates every pattern at once (a
 * simultaneous-update ePIE step, α = 1, normalized by the largest summed probe intensity):
 * `ψ_c = P·E_c(O)`, `ψ'_c` = ψ_c with the measured modulus, `O ← O + Σ_c E_cᵀ conj(P)(ψ'_c − ψ_c) /
 * max Σ_c E_cᵀ|P|²`, where `E_c` is `extractPatches`'s window of channel c and `E_cᵀ` its exact
 * adjoint (`reassemble` without normalization). The overlaps resolve what one pattern cannot; one
 * pattern (C = 1, zero offsets) gives {@link singlePatternEstimate}'s steps.
 *
 * @shape x (B, N, N, C) float32 — normalized amplitude X of the group's patterns
 * @shape probe (N, N) float32 pair — the model probe
 * @returns (B, N, N, C) float32 pair — the estimate cut at each pattern's position
 */
export function groupEstimate(x: tf.Tensor4D, probe: ComplexTensor<tf.Tensor2D>, iterations: number, geometry: GroupGeometry): ComplexTensor<tf.Tensor4D> {
  const [B, N, W, C] = x.shape;
  const S = geometry.canvasSize;
  if (N !== W || probe.re.shape[0] !== N || probe.re.shape[1] !== N) {
    throw new InputError('the probe must be N×N with N the pattern side', { key: 'probe', expected: `(${N}, ${N})`, actual: `(${probe.re.shape.join(', ')})` });
  }
  if (!Number.isInteger(iterations) || iterations < 0) throw new InputError('iterations must be an integer ≥ 0', { key: 'iterations', expected: 'integer ≥ 0', actual: String(iterations) });
  const coords = geometry.coordsRelative;
  return tf.tidy(() => {
    // Channels first for the DFT over the last two axes: (B, C, N, N).
    const Xt = C === 1 ? tf.reshape(x, [B, 1, N, N]) : tf.transpose(x, [0, 3, 1, 2]);
    const pr = tf.reshape(probe.re, [1, 1, N, N]), pi = tf.reshape(probe.im, [1, 1, N, N]);
    const toLast = (t: tf.Tensor) => (C === 1 ? tf.reshape(t, [B, N, N, 1]) : tf.transpose(t, [0, 2, 3, 1])) as tf.Tensor4D;
    const toFirst = (t: tf.Tensor) => (C === 1 ? tf.reshape(t, [B, 1, N, N]) : tf.transpose(t, [0, 3, 1, 2]));
    const p2 = tf.add(tf.square(probe.re), tf.square(probe.im));
    const pEnergy = tf.sum(p2);
    // Σ_c E_cᵀ|P|² and its largest value per group: the step's normalization.
    const cover = reassemble(tf.tile(tf.reshape(p2, [1, N, N, 1]), [B, 1, 1, C]) as tf.Tensor4D, coords, S, { normalize: false });
    const norm = tf.max(cover, [1, 2, 3], true);
    const c0 = tf.sqrt(tf.div(tf.mean(tf.sum(tf.square(Xt), [2, 3]), 1), pEnergy));
    let or: tf.Tensor4D = tf.mul(tf.ones([B, S, S, 1]), tf.reshape(c0, [B, 1, 1, 1]));
    let oi: tf.Tensor4D = tf.zeros([B, S, S, 1]);
    for (let t = 0; t < iterations; t++) {
      const patch = extractPatches({ re: or, im: oi }, coords, N);
      const u = probeWeightedCorrection(pr, pi, toFirst(patch.re), toFirst(patch.im), Xt, N);
      const ur = toLast(u.re), ui = toLast(u.im);
      const sum = reassemble({ re: ur, im: ui }, coords, S, { normalize: false });
      or = tf.add(or, tf.div(sum.re, norm)) as tf.Tensor4D;
      oi = tf.add(oi, tf.div(sum.im, norm)) as tf.Tensor4D;
    }
    return extractPatches({ re: or, im: oi }, coords, N);
  });
}

/**
 * One ePIE correction of the object under a probe, before its step size: the exit wave
 * `ψ = P·O`, `ψ'` = ψ with the measured modulus X (far field `dft2`, its adjoint back, divided by
 * N² as `dft2`'s inverse), and `conj(P)·(ψ' − ψ)`. Shared by both estimates above.
 *
 * @shape pr, pi (1, 1, N, N); or, oi, X (B, C, N, N) — channels first
 */
function probeWeightedCorrection(pr: tf.Tensor, pi: tf.Tensor, or: tf.Tensor, oi: tf.Tensor, X: tf.Tensor, N: number): { re: tf.Tensor; im: tf.Tensor } {
  const wr = tf.sub(tf.mul(pr, or), tf.mul(pi, oi)), wi = tf.add(tf.mul(pr, oi), tf.mul(pi, or));
  const F = dft2({ re: wr, im: wi });
  const scale = tf.div(tf.mul(X, N), tf.maximum(tf.sqrt(tf.add(tf.square(F.re), tf.square(F.im))), EPS));
  const q = dft2Adjoint({ re: tf.mul(F.re, scale), im: tf.mul(F.im, scale) });
  const n2 = N * N;
  const dr = tf.sub(tf.div(q.re, n2), wr), di = tf.sub(tf.div(q.im, n2), wi);
  return { re: tf.add(tf.mul(pr, dr), tf.mul(pi, di)), im: tf.sub(tf.mul(pr, di), tf.mul(pi, dr)) };
}
