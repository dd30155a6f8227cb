/**
 * The trainable PtychoPINN model (SPEC §3 "Model I/O"): the U-Net (a tfjs-layers model of standard
 * layers, saved as `model.json`) plus the physics state that has no layer: the probe, the intensity
 * scale s and the canvas geometry. The physics itself runs as functions around the U-Net
 * (`forwardTrain`, `predictObject`).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ComplexTensor } from '@ptychojs/physics';
import type { DecoderHeads } from '../unet/unet-layers.js';

/** What inference needs: the U-Net and the geometry and scale it was trained with. */
export interface InferenceModel {
  /** U-Net: input X/s `(B, N, N, C)` → [amplitude, phase] `(B, N, N, C_out)`. */
  readonly unet: tfl.LayersModel;
  /** Patch side. */
  readonly N: number;
  /** Side of the scan grid of a group; C = gridsize². */
  readonly gridsize: number;
  /** Patterns per group, gridsize². */
  readonly C: number;
  /** The U-Net's output heads (object extent, activations); they bound what it can predict. */
  readonly heads: DecoderHeads;
  /** Whether the C predicted patches are reassembled (C_out = C) or one patch is predicted (C_out = 1). */
  readonly objectBig: boolean;
  /** Side S of the object canvas used in training (inference grows it when its positions need more room). */
  readonly canvasSize: number;
  /** The dataset's intensity scale s: model inputs are `X·s` (SPEC §3 "Normalization"). */
  readonly intensityScale: number;
  /**
   * log of the scale the model divides its input by and multiplies its amplitude by. Equals
   * `log(intensityScale)` unless s is trainable. A variable when trainable.
   */
  readonly logScale: tf.Scalar;
  /**
   * The physics-informed input (issue 15), absent for PtychoPINN's (the U-Net sees X alone): the
   * U-Net sees X and the single-pattern estimate of `iterations` ePIE steps under `probe` (the model
   * probe), and its residual heads correct that estimate (`singlePatternEstimate`, `objectPatches`).
   */
  readonly input?: { readonly iterations: number; readonly probe: ComplexTensor<tf.Tensor2D> };
  /** Free the model's tensors and variables. */
  dispose(): void;
}

/** The training model: inference state plus the probe and what is trainable. */
export interface PtychoModel extends InferenceModel {
  /** @shape (N, N) float32 pair; variables when the probe is trainable. */
  readonly probe: ComplexTensor<tf.Tensor2D>;
  /** Probe illumination options (SPEC §3: N/4 disk mask, Gaussian smoothing σ). */
  readonly probeMask: boolean;
  readonly smoothingSigma: number;
  /** Every variable the optimizer updates, in a fixed order (U-Net weights, then probe re/im, then log s). */
  readonly trainableVariables: readonly tf.Variable[];
}
