import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '../kernels/register-kernel-fills.js';

/** Backends the physics and model test suites know how to start. */
export type TestBackend = 'cpu' | 'wasm' | 'webgpu';

/** Every backend a suite is declared for, in order (STYLE §4: one suite, every backend). */
export const ALL_TEST_BACKENDS: readonly TestBackend[] = ['cpu', 'wasm', 'webgpu'];

/** WebGPU tests run only on request: `PTYCHO_TEST_WEBGPU=1` (needs the `webgpu` package and a GPU or lavapipe). */
export function webgpuRequested(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['PTYCHO_TEST_WEBGPU'] === '1';
}

// Specifiers held in variables so that TypeScript does not require these optional packages.
const WEBGPU_BACKEND = '@tensorflow/tfjs-backend-webgpu';
const DAWN = 'webgpu';
const LAYERS = '@tensorflow/tfjs-layers';

let gradients: Promise<void> | undefined;

/**
 * Make sure tfjs-core's gradient registry is filled. `@tensorflow/tfjs-core`'s Node bundle
 * registers no gradients (they live in `dist/register_all_gradients`, an ESM-only file that Node
 * cannot load from the CJS package); `@tensorflow/tfjs-layers` registers all of them on import,
 * as `@tensorflow/tfjs` does. Production code gets them from tfjs-layers (the model package);
 * physics tests import it here.
 */
export function ensureGradients(): Promise<void> {
  gradients ??= (async () => {
    if (tf.getGradient('Sum') !== undefined && tf.getGradient('BatchMatMul') !== undefined) return;
    await import(LAYERS);
    if (tf.getGradient('Sum') === undefined) throw new Error(`gradients are not registered: importing ${LAYERS} did not register them`);
  })();
  return gradients;
}

const started = new Map<TestBackend, Promise<void>>();

/**
 * Load and initialise a backend once per process, register our kernel fills on it
 * (`registerKernelFills`) and make sure gradients exist. Does not change the active backend.
 */
export function initBackend(name: TestBackend): Promise<void> {
  let p = started.get(name);
  if (p === undefined) {
    p = (async () => {
      await ensureGradients();
      if (name === 'cpu') {
        await import('@tensorflow/tfjs-backend-cpu');
      } else if (name === 'wasm') {
        await import('@tensorflow/tfjs-backend-wasm');
      } else {
        const g = globalThis as { navigator?: { gpu?: unknown } };
        if (g.navigator?.gpu === undefined) {
          // Node: Dawn through the `webgpu` package (notes/tfjs-lab.md §4).
          const dawn = (await import(DAWN)) as { create: (o: string[]) => unknown; globals: object };
          Object.assign(globalThis, dawn.globals);
          Object.defineProperty(globalThis, 'navigator', { value: { ...(g.navigator ?? {}), gpu: dawn.create([]) }, configurable: true });
        }
        await import(WEBGPU_BACKEND);
      }
      registerKernelFills(name);
      const previous = tf.getBackend();
      if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' failed to initialise`);
      if (previous && previous !== name) await tf.setBackend(previous);
    })();
    started.set(name, p);
  }
  return p;
}

/** Initialise (once) and activate a backend. */
export async function useBackend(name: TestBackend): Promise<void> {
  await initBackend(name);
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' could not be activated`);
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
