/**
 * Node-only entry point of @ptychojs/physics (`@ptychojs/physics/node`): starting tfjs backends in
 * Node with Node's loaders (native TensorFlow through tfjs-node, wasm, cpu, WebGPU through Dawn)
 * through the one start-up of `@ptychojs/physics/backends`, for the CLI, workers and tests.
 */
export { initBackend } from './node/init-backend.js';
export { useBackend } from './node/use-backend.js';
export { selectBackend } from './node/select-backend.js';
