import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from '../backends/ensure-gradients.js';
import { initBackend as startBackend } from '../backends/init-backend.js';
import { useBackend as activateBackend } from '../backends/use-backend.js';

/** Backends the physics and model test suites know how to start. */
export type TestBackend = 'cpu' | 'wasm' | 'webgpu';

/** Every backend a suite is declared for, in order (STYLE §4: one suite, every backend). */
export const ALL_TEST_BACKENDS: readonly TestBackend[] = ['cpu', 'wasm', 'webgpu'];

/** WebGPU tests run only on request: `PTYCHO_TEST_WEBGPU=1` (needs the `webgpu` package and a GPU or lavapipe). */
export function webgpuRequested(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['PTYCHO_TEST_WEBGPU'] === '1';
}

/**
 * Load and initialise a test backend once per process with our kernel fills ({@link startBackend},
 * the one owner of backend start-up) and make sure gradients exist. Does not change the active
 * backend.
 */
export async function initBackend(name: TestBackend): Promise<void> {
  await ensureGradients();
  await startBackend(name);
}

/** Initialise (once) and activate a backend, with gradients. */
export async function useBackend(name: TestBackend): Promise<void> {
  await ensureGradients();
  await activateBackend(name);
}

/**
 * Initialise cpu and wasm (always) and webgpu (only when {@link webgpuRequested}), and return
 * the names that are ready. A requested backend that fails to start is an error, not a skip.
 */
export async function backendsUnderTest(): Promise<TestBackend[]> {
  const names: TestBackend[] = ['cpu', 'wasm', ...(webgpuRequested() ? (['webgpu'] as const) : [])];
  for (const n of names) await initBackend(n);
  return names;
}

/** Run `fn` with `name` active, then restore the previous backend. */
export async function withBackend<T>(name: TestBackend, fn: () => T | Promise<T>): Promise<T> {
  const previous = tf.getBackend();
  await useBackend(name);
  try {
    return await fn();
  } finally {
    if (previous && previous !== name) await tf.setBackend(previous);
  }
}
