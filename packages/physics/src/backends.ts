/**
 * Starting tfjs backends (`@ptychojs/physics/backends`, SPEC §5), browser-safe: the one start-up
 * (`startBackend`: a backend's loader, our kernel fills, initialisation, what started in words) and
 * the fallback through a caller-given order with the reason for each attempt (`startFirstBackend`).
 * Each app passes its own loaders: Node's are in `@ptychojs/physics/node` (`initBackend`,
 * `useBackend`, `selectBackend`), the web app's in its worker. Which backend to use is the app's
 * choice; nothing here picks one by itself.
 */
export { BACKEND_NAMES, type BackendInfo, type BackendName } from './backends/types.js';
export {
  startBackend, startFirstBackend, NoBackendStartedError,
  type BackendDescription, type BackendLoader, type BackendLoaders, type StartBackendOptions, type StartedBackend,
} from './backends/start-backend.js';
export { ensureGradients } from './backends/ensure-gradients.js';
