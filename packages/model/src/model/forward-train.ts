import * as tf from '@tensorflow/tfjs-core';
import { extractPatches, intensityScaleInverse, padAndDiffract, probeIllumination, trim, type ComplexTensor, type Coords } from '@ptychojs/physics';
import { objectCanvas } from './object-canvas.js';
import type { PtychoModel } from './ptycho-model.js';

/** One batch of model inputs (SPEC §3 "Model I/O"). */
export interface ModelInputs {
  /** @shape (B, N, N, C) float32 — the normalized amplitude times s, `X·s`. */
  readonly xScaled: tf.Tensor4D;
  /** @shape (B, 1, 2, C) float, axis 2 = [x, y] — `coords_relative` (host values or a tensor). */
  readonly coordsRelative: Coords;
}

export interface ForwardTrainOptions {
  /**
   * Positions to extract the patches at, instead of `coordsRelative` (position-jitter
   * augmentation): the object is still assembled at the given positions.
   * @shape (B, 1, 2, C) float
   */
  readonly extractionCoords?: Coords;
}

/** The training model's outputs (SPEC §3 "Model I/O"), plus the patches the real-space loss compares. */
export interface TrainOutputs {
  /** Output 1. @shape (B, N, N, 1) float32 pair — the centre N×N of the object canvas. */
  readonly object: ComplexTensor<tf.Tensor4D>;
  /** Output 2. @shape (B, N, N, C) float32 — predicted amplitude × s. */
  readonly amplitude: tf.Tensor4D;
  /** Output 3. @shape (B, N, N, C) float32 — amplitude², the predicted counts Î. */
  readonly intensity: tf.Tensor4D;
  /** @shape (B, N, N, C) float32 pair — object patches at the relative positions, before the probe. */
  readonly patches: ComplexTensor<tf.Tensor4D>;
}

/**
 * The training computation (SPEC §3 "Model I/O"): `X·s` → ÷s → U-Net → `A·exp(iφ)` →
 * object.big reassembly (or zero-pad) onto the S×S canvas → trim to the centre N×N (output 1);
 * from the canvas, extract the C patches at their relative positions → × probe (mask, smoothing)
 * → pad-and-diffract → ×s (output 2) → square (output 3).
 *
 * Patches are extracted from the whole canvas, as PtychoPINN does (its `padded_obj_2`), not from
 * the trimmed N×N, so a shifted patch keeps the object outside the centre. Differentiable w.r.t.
 * the U-Net weights, the probe and log s when they are variables. Allocates tensors: call inside
 * `tf.tidy` or an optimizer's `minimize`.
 */
export function forwardTrain(model: PtychoModel, inputs: ModelInputs, options: ForwardTrainOptions = {}): TrainOutputs {
  const { N } = model;
  const canvas = objectCanvas(model, inputs.xScaled, inputs.coordsRelative);
  const object = trim(canvas, N);
  const patches = extractPatches(canvas, options.extractionCoords ?? inputs.coordsRelative, N);
  const waves = probeIllumination(patches, model.probe, { mask: model.probeMask, smoothingSigma: model.smoothingSigma });
  const amplitude = intensityScaleInverse(padAndDiffract(waves), tf.exp(model.logScale) as tf.Scalar);
  const intensity = tf.square(amplitude);
  return { object, amplitude, intensity, patches };
}
