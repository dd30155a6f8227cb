/**
 * Node-only entry point of @ptychojs/model (`@ptychojs/model/node`): saving and loading models
 * and checkpoints on disk, atomically.
 */
export { fileModelHandler, type FileModelHandler, type FileModelHandlerOptions } from './node/file-model-handler.js';
export { saveModel } from './node/save-model.js';
export { loadModel } from './node/load-model.js';
export { fileCheckpointStore, type FileCheckpointStore } from './node/file-checkpoint-store.js';
