import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './init-backend.js';
import type { BackendName } from '../backends/types.js';

/**
 * Start (once, {@link initBackend}) and activate a tfjs backend.
 *
 * @returns what was started, in words
 * @throws Error saying why the backend is unavailable
 */
export async function useBackend(name: BackendName): Promise<string> {
  const how = await initBackend(name);
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' could not be activated`);
  return how;
}
