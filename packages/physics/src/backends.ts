/**
 * Starting tfjs backends (`@ptychojs/physics/backends`, SPEC §5): load a backend package, register
 * our kernel fills on it, initialise it, and activate the first of a caller-given list that works.
 * One owner for the CLI, the tests and workers. Which backend to use is the app's choice; nothing
 * here picks one by itself.
 */
export { BACKEND_NAMES, type BackendInfo, type BackendName } from './backends/types.js';
export { initBackend } from './backends/init-backend.js';
export { useBackend } from './backends/use-backend.js';
export { selectBackend } from './backends/select-backend.js';
export { ensureGradients } from './backends/ensure-gradients.js';
