import type * as tf from '@tensorflow/tfjs-core';
import type { ReplicaState, TrainingEngineFactory } from './training-engine.js';
import type { BatchProgress, Checkpoint, CheckpointStore, EpochRecord } from './types.js';

/** Callbacks and ports of {@link train}. */
export interface TrainHooks {
  /** After every optimizer step. */
  onBatch?(progress: BatchProgress): void;
  /** After every epoch (after validation, before the checkpoint); awaited when it returns a promise. */
  onEpoch?(record: EpochRecord): unknown;
  /** Where to save a checkpoint after every epoch. */
  store?: CheckpointStore;
  /** Continue from this checkpoint instead of starting fresh. */
  resume?: Checkpoint;
  /** Start from these U-Net weights (a pretrained model) with a fresh optimizer; ignored with `resume`. */
  initialWeights?: tf.io.ModelArtifacts;
  /**
   * Interrupt (SIGINT, SIGTERM): once aborted, training stops after the current step, saves a
   * mid-epoch checkpoint to `store` and returns with `stopReason` `interrupted`.
   */
  signal?: AbortSignal;
  /** What computes the steps (default: this thread, the active backend). */
  engine?: TrainingEngineFactory;
  /**
   * After every epoch, before `onEpoch` and the checkpoint: score the model in `state` (the
   * weights after the epoch); the result is stored as the epoch's `scores`. Runs in this thread
   * on the active backend (rebuild the model with `modelFromState`).
   */
  validate?(state: ReplicaState, epoch: number): Promise<Readonly<Record<string, number>>>;
}
