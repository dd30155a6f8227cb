/**
 * Node-only entry point of @ptychojs/model (`@ptychojs/model/node`): saving and loading models
 * and checkpoints on disk, atomically; data-parallel training and inference on worker threads.
 */
export { fileModelHandler, type FileModelHandler, type FileModelHandlerOptions } from './node/file-model-handler.js';
export { saveModel } from './node/save-model.js';
export { loadModel } from './node/load-model.js';
export { CHECKPOINT_FILE, fileCheckpointStore, type FileCheckpointStore } from './node/file-checkpoint-store.js';
export { workerTrainingEngine, type WorkerTrainingOptions } from './node/workers/worker-training-engine.js';
export { startInferenceWorkers, type InferenceWorkers, type InferenceWorkersOptions } from './node/workers/start-inference-workers.js';
export { startWorkerGroup, type WorkerGroup, type WorkerGroupOptions } from './node/workers/start-worker-group.js';
export { WorkerFailedError } from './node/workers/worker-failed-error.js';
export { defaultWorkerCount } from './node/workers/default-worker-count.js';
