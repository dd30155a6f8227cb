import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from '../backends/ensure-gradients.js';
import { initBackend as initNodeBackend } from '../node/init-backend.js';
import { useBackend as useNodeBackend } from '../node/use-backend.js';

/** Backends the physics and model test suites know how to start. */
export type TestBackend = 'cpu' | 'wasm' | 'tensorflow' | 'webgpu';

/** Every backend a suite is declared for, in order (STYLE §4: one suite, every backend). */
export const ALL_TEST_BACKENDS: readonly TestBackend[] = ['cpu', 'wasm', 'tensorflow', 'webgpu'];

const env = (name: string) => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

/** WebGPU tests run only on request: `PTYCHO_TEST_WEBGPU=1` (needs the `webgpu` package and a GPU or lavapipe). */
export function webgpuRequested(): boolean {
  return env('PTYCHO_TEST_WEBGPU') === '1';
}

/**
 * Native TensorFlow tests run only on request: `PTYCHO_TEST_TENSORFLOW=1` (needs
 * `@tensorflow/tfjs-node`, built by `npm run setup:native` or installed; `.ci/run` sets it when the
 * build succeeded). Requested and unable to start is an error, not a skip.
 */
export function tensorflowRequested(): boolean {
  return env('PTYCHO_TEST_TENSORFLOW') === '1';
}

/** Whether the suites run on `name` here, and if not, why (the named skip). */
export function testBackendSkipReason(name: TestBackend): string | undefined {
  if (name === 'webgpu' && !webgpuRequested()) return 'set PTYCHO_TEST_WEBGPU=1';
  if (name === 'tensorflow' && !tensorflowRequested()) return 'set PTYCHO_TEST_TENSORFLOW=1 after npm run setup:native';
  return undefined;
}

/**
 * Load and initialise a test backend once per process with our kernel fills (Node's `initBackend`,
 * through the one backend start-up) and make sure gradients exist. Does not change the active
 * backend.
 */
export async function initBackend(name: TestBackend): Promise<void> {
  await ensureGradients();
  await initNodeBackend(name);
}

/** Initialise (once) and activate a backend, with gradients. */
export async function useBackend(name: TestBackend): Promise<void> {
  await ensureGradients();
  await useNodeBackend(name);
}

/**
 * Initialise cpu and wasm (always), tensorflow and webgpu (only when requested:
 * {@link testBackendSkipReason}), and return the names that are ready. A requested backend that
 * fails to start is an error, not a skip.
 */
export async function backendsUnderTest(): Promise<TestBackend[]> {
  const names = ALL_TEST_BACKENDS.filter((n) => testBackendSkipReason(n) === undefined);
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
