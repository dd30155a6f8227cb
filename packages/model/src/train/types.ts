/**
 * Contracts of the training loop (SPEC §3 "Loss", optimizer; run directory `history.json`,
 * `checkpoint/`).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ComplexArray } from '@ptychojs/io';
import type { ResolvedRunConfig } from '../config/run-config.js';
import type { PtychoModel } from '../model/ptycho-model.js';

/**
 * Grouped, normalized training data (SPEC §3 "Grouping", "Normalization"). A `GroupedData` from
 * `@ptychojs/grouping` plus the probe and s fits as is.
 */
export interface TrainingData {
  /** Patch side. */
  readonly N: number;
  /** @shape (B, N, N, C) float32 — normalized amplitude X = α·diffraction, channel-last. */
  readonly X: Float32Array;
  /** @shape (B, 1, 2, C) float64 — coords_relative, axis 2 = [x, y]. */
  readonly coordsRelative: Float64Array;
  /** @shape (B, N, N, C) complex — ground-truth object patches, for the real-space term (optional). */
  readonly Y?: ComplexArray;
  /** @shape (N, N) complex — the probe. */
  readonly probe: ComplexArray;
  /** Intensity scale s (SPEC §3 "Normalization"). */
  readonly intensityScale: number;
  /**
   * @shape (N, N) uint8 — bad detector pixels (1: gaps, hot pixels), excluded from the loss (the
   * Poisson NLL and the MAE average over measured pixels only); X holds 0 there. Absent: all measured.
   */
  readonly badPixels?: Uint8Array;
  /** Object canvas side; default `objectCanvasSize(N, coordsRelative)` over these groups. */
  readonly canvasSize?: number;
}

/**
 * The groups of one epoch drawn from a {@link TrainingStream}: the arrays of {@link TrainingData}
 * without the model-wide fields.
 */
export type EpochGroups = Pick<TrainingData, 'X' | 'coordsRelative' | 'Y'>;

/**
 * Training data drawn afresh every epoch (pretraining on simulated scans, issue 15): the model-wide
 * fields of {@link TrainingData} plus a generator of each epoch's groups. `epoch(e)` must depend
 * only on `e` (and the stream's own seed), so a resumed run regenerates the epochs it continues
 * with. The validation loss is computed on the fixed `validation` groups, not on a split.
 */
export interface TrainingStream extends Pick<TrainingData, 'N' | 'probe' | 'intensityScale'> {
  /** Object canvas side (required: no fixed dataset to derive it from). */
  readonly canvasSize: number;
  /** The groups of epoch `epoch` (0-based); deterministic in `epoch`. */
  epoch(epoch: number): Promise<EpochGroups>;
  /** Held-out groups for `valLoss` (the same every epoch); absent: no validation loss. */
  readonly validation?: EpochGroups;
}

/** One epoch of `history.json`: every loss term (training means), validation loss, lr, time. */
export interface EpochRecord {
  /** 0-based epoch index. */
  readonly epoch: number;
  /** Mean weighted training loss over the epoch's batches (weighted by batch size). */
  readonly loss: number;
  readonly nll: number;
  readonly mae: number;
  readonly tv: number;
  readonly realspace: number;
  /** Weighted loss on the held-out groups (after the epoch); null without a validation set. */
  readonly valLoss: number | null;
  /** Learning rate used in this epoch. */
  readonly lr: number;
  /** Wall-clock seconds of the epoch: drawing a stream's groups, training and validation (what the time budget counts). */
  readonly seconds: number;
  /** Training patterns per second (groups·C / training time). */
  readonly samplesPerSec: number;
  /** Patterns trained on in this epoch (groups·C); absent in histories of earlier versions. */
  readonly patterns?: number;
  /**
   * Scores of the model after this epoch from `TrainHooks.validate` (e.g. amplitude and
   * phase SSIM against the truth of held-out simulated scans); absent without that hook.
   */
  readonly scores?: Readonly<Record<string, number>>;
}

/** Progress of one training step, for progress bars. */
export interface BatchProgress {
  readonly epoch: number;
  /** 0-based batch index within the epoch. */
  readonly batch: number;
  readonly batches: number;
  /** Weighted loss of this batch. */
  readonly loss: number;
  /** Patterns (groups·C) per second in this step. */
  readonly samplesPerSec: number;
}

/** Plateau scheduler and early-stopping state (Keras ReduceLROnPlateau / EarlyStopping semantics). */
export interface ScheduleState {
  readonly lr: number;
  /** Best validation (or training, without validation) loss seen, for the lr schedule. */
  readonly bestVal: number;
  /** Epochs since `bestVal` improved. */
  readonly valWait: number;
  /** Best training loss seen, for early stopping. */
  readonly bestTrain: number;
  /** Epochs since `bestTrain` improved. */
  readonly trainWait: number;
}

/** A tensor's values on the host. */
export interface NamedArray {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly data: Float32Array | Int32Array;
}

/**
 * Where an interrupted epoch stopped (a mid-epoch checkpoint): steps done and the running sums
 * the epoch's record is made from.
 */
export interface CheckpointStep {
  /** Optimizer steps done in the epoch (the next step is this 0-based batch index). */
  readonly batch: number;
  /** Running Σ term·groups over those steps, `LOSS_TERMS` order. */
  readonly sums: readonly number[];
  /** Groups trained on in those steps. */
  readonly seen: number;
  /** Seconds spent in those steps, and in the epoch so far. */
  readonly trainSeconds: number;
  readonly seconds: number;
}

/**
 * Everything needed to resume training exactly where it stopped: after a whole epoch, or (with
 * `step`, after an interruption) after a step within the next one. The random streams are
 * derived from `(seed, epoch)`, so `rng` and `step.batch` are the whole RNG state.
 */
export interface Checkpoint {
  readonly format: 'ptychojs-checkpoint';
  readonly version: 1;
  /** Number of completed epochs. */
  readonly epoch: number;
  /** The run configuration it was trained with. */
  readonly config: ResolvedRunConfig;
  /** U-Net weights and topology, as tfjs-layers `model.save` artifacts (weightData one buffer). */
  readonly weights: tf.io.ModelArtifacts;
  /** Adam state from `optimizer.getWeights()`: `iter` first, then first and second moments. */
  readonly optimizer: readonly NamedArray[];
  /** Adam's running β₁ᵗ and β₂ᵗ, for a bit-identical resume (optional). */
  readonly adamBetaPowers?: readonly [number, number];
  /** Probe (when trainable, its current value) and log s. */
  readonly physics: { readonly probe: ComplexArray; readonly logScale: number; readonly intensityScale: number; readonly canvasSize: number; readonly N: number };
  readonly history: readonly EpochRecord[];
  readonly schedule: ScheduleState;
  readonly rng: { readonly seed: number; readonly epoch: number };
  /** Present in a mid-epoch checkpoint: how far epoch `epoch` (0-based) had got. */
  readonly step?: CheckpointStep;
}

/** Port through which the loop persists checkpoints (a file store in Node, IndexedDB in a browser…). */
export interface CheckpointStore {
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;
}

/**
 * Why training ended: all epochs done, early stop, the `maxMinutes` budget (checked after every
 * step), or an abort (`signal`: a mid-epoch checkpoint was saved).
 */
export type StopReason = (typeof FINISHED_STOP_REASONS)[number] | 'interrupted';

/** Why a training that finished ended (every {@link StopReason} but `interrupted`): the run directory's record. */
export const FINISHED_STOP_REASONS = ['epochs', 'early-stop', 'time-budget'] as const;

export interface TrainResult {
  /** The trained model (caller disposes it). */
  readonly model: PtychoModel;
  readonly history: readonly EpochRecord[];
  readonly stopReason: StopReason;
  /** The probe after training (the input probe unless trainable). */
  readonly probe: ComplexArray;
  /** The learned scale exp(log s) (= s unless trainable). */
  readonly learnedScale: number;
  /** Model replicas that shared each batch (data-parallel workers; 1 in this thread). */
  readonly replicas: number;
  /** What computed the steps, in words. */
  readonly engine: string;
}
