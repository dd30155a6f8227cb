import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from '../backends/start-backend.js';
import type { BackendName } from '../backends/types.js';
import { NODE_BACKEND_LOADERS } from './node-backend-loaders.js';

/** Why a backend that loaded did not initialise, in the CLI's words. */
const notInitialised = (name: BackendName) => (name === 'webgpu' ? 'no WebGPU adapter (is a Vulkan driver installed?)' : `the ${name} backend did not initialise`);

const started = new Map<BackendName, Promise<string>>();

/**
 * Start a tfjs backend once per process in Node, for the CLI, the tests and workers: the one
 * start-up ({@link startBackend}: load, register our kernel fills, initialise) with Node's loaders
 * ({@link NODE_BACKEND_LOADERS}: `tensorflow` is tfjs-node-gpu, then tfjs-node; `webgpu` in Node
 * is Dawn from the `webgpu` package). Leaves the active backend as it was; see {@link useBackend}
 * to switch to it. Choosing which backend to use is the caller's business.
 *
 * @returns what was started, in words (e.g. `wasm (SIMD, single thread) with ptychojs kernel fills`)
 * @throws Error saying why the backend is unavailable (package absent, initialisation failed);
 *   a failed start is not cached, so it can be retried
 */
export function initBackend(name: BackendName): Promise<string> {
  let p = started.get(name);
  if (p === undefined) {
    p = (async () => {
      // Read without side effects (tf.getBackend() would start one); tfjs-node activates itself on import.
      const previous = tf.engine().backendName;
      const how = await startBackend(name, NODE_BACKEND_LOADERS, { notInitialised });
      if (previous && previous !== name) await tf.setBackend(previous);
      return how;
    })();
    started.set(name, p);
    p.catch(() => started.delete(name));
  }
  return p;
}
