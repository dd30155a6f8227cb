/**
 * @ptychojs/model — the PtychoPINN U-Net, the training and inference computations around it, and
 * the training loop (SPEC §3 "Model I/O", "U-Net", "Loss"). Browser-safe; file storage is in
 * `@ptychojs/model/node`. Never picks a tfjs backend.
 */
export { RUN_CONFIG_DEFAULTS, RUN_CONFIG_FIELDS, resolvedRunConfigSchema, runConfigSchema, type ResolvedRunConfig, type RunConfig, type RunConfigInput, type RunConfigKey } from './config/run-config.js';
export { resolveForData, type ResolvedForData, type RunData } from './config/resolve-for-data.js';
export { resolveRunConfig, type ResolveRunConfigOptions } from './config/resolve-run-config.js';
export { looseNumber } from './config/loose-number.js';
export { looseBoolean } from './config/loose-boolean.js';
export { quotedChoices } from './config/quoted-choices.js';
export { AUTO_EXTENT_THRESHOLD, AUTO_FULL_FIELD, EXTENT_SOURCES, resolveObjectExtent, type ObjectExtentDecision } from './config/resolve-object-extent.js';
export { unetFilters, type UNetFilters } from './unet/unet-filters.js';
export { createEncoder, type UNetOptions } from './unet/create-encoder.js';
export { createDecoder } from './unet/create-decoder.js';
export {
  AMPLITUDE_ACTIVATIONS, amplitudeRange, CENTER_HEADS, OBJECT_EXTENTS, PHASE_ACTIVATIONS, type AmplitudeActivation, type DecoderHeads, type DecoderKind, type ObjectExtent, type PhaseActivation,
} from './unet/unet-layers.js';
export { createUNet, UNET_IO, type CreateUNetOptions } from './unet/create-unet.js';
export type { InferenceModel, PtychoModel } from './model/ptycho-model.js';
export { createPtychoModel, type PtychoModelInit } from './model/create-ptycho-model.js';
export { objectCanvasSize } from './model/object-canvas-size.js';
export { forwardTrain, type ForwardTrainOptions, type ModelInputs, type TrainOutputs } from './model/forward-train.js';
export { predictObject, ReconstructionBoundsError, type PredictObjectOptions } from './model/predict-object.js';
export { unetArtifacts } from './model/model-artifacts.js';
export { modelArtifactsFromJson } from './model/model-artifacts-from-json.js';
export { modelMetadata, parseModelMetadata, type ModelMetadata } from './model/model-metadata.js';
export { loadInferenceModel } from './model/load-inference-model.js';
export { trainingLoss } from './train/training-loss.js';
export { LOSS_TERMS, type LossTerms } from './train/loss-terms.js';
export { splitGroups } from './train/split-groups.js';
export { initialSchedule, updateSchedule } from './train/update-schedule.js';
export { checkTrainingData } from './train/check-training-data.js';
export { train } from './train/train.js';
export { createReplica, type Replica } from './train/create-replica.js';
export { localTrainingEngine } from './train/local-training-engine.js';
export { modelFromState } from './train/model-from-state.js';
export type { ReplicaInit, ReplicaState, TrainingBatch, TrainingEngine, TrainingEngineFactory } from './train/training-engine.js';
export type {
  BatchProgress, Checkpoint, CheckpointStep, CheckpointStore, EpochGroups, EpochRecord, NamedArray, ScheduleState, StopReason, TrainingData, TrainingStream, TrainResult,
} from './train/types.js';
export { FINISHED_STOP_REASONS } from './train/types.js';
export type { TrainHooks } from './train/train-hooks.js';
