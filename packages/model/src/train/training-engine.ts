/**
 * The port between the training loop and whatever computes its steps (SPEC §3 "Loss", optimizer):
 * the loop owns the schedule, shuffling, batching, history and checkpoints; an engine owns the
 * model replicas, their gradients and the optimizer. {@link localTrainingEngine} computes in this
 * thread; `@ptychojs/model/node`'s `workerTrainingEngine` splits every batch over worker threads.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ComplexArray } from '@ptychojs/io';
import type { ResolvedRunConfig } from '../config/run-config.js';
import type { PtychoModel } from '../model/ptycho-model.js';
import type { Checkpoint, NamedArray } from './types.js';

/** Host arrays of one batch of groups (SPEC §3 "Model I/O"), as the loop gathers them. */
export interface TrainingBatch {
  /** Number of groups. */
  readonly nb: number;
  /** @shape (nb, N, N, C) float32 — the model input X·s (also the amplitude target). */
  readonly xs: Float32Array;
  /** @shape (nb, 1, 2, C) float64, axis 2 = [x, y] — coords_relative. */
  readonly coords: Float64Array;
  /** @shape (nb, 1, 2, C) float64 — positions to extract the patches at (position-jitter augmentation). */
  readonly extraction?: Float64Array;
  /** @shape (nb, N, N, C) float32 — ground-truth object patches, real part (real-space term). */
  readonly yre?: Float32Array;
  /** @shape (nb, N, N, C) float32 — ground-truth object patches, imaginary part. */
  readonly yim?: Float32Array;
}

/** What a model replica is built from: the run's settings, the data's geometry and, to resume, a checkpoint. */
export interface ReplicaInit {
  readonly config: ResolvedRunConfig;
  /** Patch side. */
  readonly N: number;
  /** Object canvas side S (`objectCanvasSize` over the dataset). */
  readonly canvasSize: number;
  /** @shape (N, N) complex — the initial probe (the checkpoint's when resuming with a trainable probe). */
  readonly probe: ComplexArray;
  /** Intensity scale s of the data. */
  readonly intensityScale: number;
  /** @shape (N, N) uint8 — bad detector pixels (1), excluded from the loss; absent: all measured. */
  readonly badPixels?: Uint8Array;
  /** Restore weights, Adam state and log s from this checkpoint (already checked by the loop). */
  readonly resume?: Checkpoint;
  /**
   * Start the U-Net from these weights instead of fresh ones (a pretrained model, issue 15), with a
   * fresh optimizer; ignored when resuming. Its topology must be the one the config builds.
   */
  readonly initialWeights?: tf.io.ModelArtifacts;
}

/** A replica's model and optimizer state: the part of a {@link Checkpoint} an engine owns. */
export interface ReplicaState {
  /** U-Net weights and topology (tfjs-layers artifacts, one weight buffer). */
  readonly weights: tf.io.ModelArtifacts;
  /** Adam state from `optimizer.getWeights()`: `iter`, then first and second moments. */
  readonly optimizer: readonly NamedArray[];
  /** Adam's running β₁ᵗ, β₂ᵗ (bit-identical resume). */
  readonly adamBetaPowers?: readonly [number, number];
  /** @shape (N, N) complex — the probe now. */
  readonly probe: ComplexArray;
  /** log s now. */
  readonly logScale: number;
}

/** Computes the loop's optimizer steps on one or more replicas of the model. */
export interface TrainingEngine {
  /** How many replicas share each batch (1 in this thread). */
  readonly replicas: number;
  /** What runs the steps, in words (printed and stored with the run). */
  readonly description: string;
  /**
   * One Adam step at learning rate `lr` on the gradient of the batch's mean weighted loss.
   * @returns the batch's loss terms in `LOSS_TERMS` order (means over the batch); the step is
   *   not applied when one of them is not finite
   */
  step(batch: TrainingBatch, lr: number): Promise<Float64Array>;
  /** The batch's mean weighted loss, without gradients (validation). */
  evaluate(batch: TrainingBatch): Promise<number>;
  /** Model and optimizer state for a checkpoint. */
  state(): Promise<ReplicaState>;
  /** End training: the trained model in the caller's thread (the caller disposes it); frees the rest. */
  finish(): Promise<PtychoModel>;
  /** Free everything after a failure. Safe to call more than once. */
  dispose(): Promise<void>;
}

/** Starts an engine for a run (the loop calls it once, after checking a resumed checkpoint). */
export type TrainingEngineFactory = (init: ReplicaInit) => Promise<TrainingEngine>;
