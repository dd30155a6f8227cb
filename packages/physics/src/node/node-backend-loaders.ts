import * as tf from '@tensorflow/tfjs-core';
import { firstLine } from '../backends/first-line.js';
import type { BackendLoaders } from '../backends/start-backend.js';
import type { BackendName } from '../backends/types.js';

// Specifiers held in variables so that TypeScript and bundlers leave these optional packages alone.
const TFJS_NODE = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];
const WEBGPU_BACKEND = '@tensorflow/tfjs-backend-webgpu';
const DAWN = 'webgpu';

/** Import a package that may be absent (optional backends). */
function importOptional(specifier: string): Promise<unknown> {
  return import(/* @vite-ignore */ specifier);
}

/** `, TensorFlow <version>` of the loaded native library, when the backend exposes it. */
function tensorflowVersion(): string {
  const backend = tf.findBackend('tensorflow') as { binding?: { TF_Version?: unknown } } | null;
  const v = backend?.binding?.TF_Version;
  return typeof v === 'string' ? ` (TensorFlow ${v})` : '';
}

/**
 * How Node loads each backend ptychojs knows ({@link BACKEND_NAMES}): the loaders that
 * `initBackend` passes to the one start-up (`startBackend`). Each imports the package(s) that
 * register the backend with tfjs and resolves to what was loaded, in words; `tensorflow` and
 * `webgpu` are optional packages, imported by name, whose absence is the error.
 */
export const NODE_BACKEND_LOADERS: BackendLoaders<BackendName> = {
  async tensorflow() {
    // TensorFlow reads its log level from the environment when its library loads: keep its INFO
    // lines (CPU features, …) off stderr unless the user set a level. Two lines logged by a static
    // initialiser before it reads the level (absl's notice, oneDNN's) only go when the variable
    // is set before Node starts (TF_CPP_MIN_LOG_LEVEL=2 ptycho …).
    const env = typeof process === 'undefined' ? undefined : process.env;
    if (env !== undefined) env['TF_CPP_MIN_LOG_LEVEL'] ??= '2';
    // tfjs-node-gpu, then tfjs-node: absent, or present and throwing, both fall through (SPEC §5).
    const errors: string[] = [];
    for (const pkg of TFJS_NODE) {
      try {
        await importOptional(pkg);
        if (tf.findBackendFactory('tensorflow') !== null) return `${pkg} loaded${tensorflowVersion()}`;
        errors.push(`${pkg}: loaded but registered no 'tensorflow' backend`);
      } catch (e) {
        errors.push(`${pkg}: ${firstLine(e)}`);
      }
    }
    throw new Error(errors.join('; '));
  },
  async wasm() {
    await import('@tensorflow/tfjs-backend-wasm');
    return 'wasm (SIMD, single thread) with ptychojs kernel fills';
  },
  async cpu() {
    await import('@tensorflow/tfjs-backend-cpu');
    return 'cpu (reference backend; slow for training)';
  },
  async webgpu() {
    const g = globalThis as { navigator?: { gpu?: unknown } };
    let how = 'webgpu (navigator.gpu)';
    if (g.navigator?.gpu === undefined) {
      // Node: Dawn through the `webgpu` package (notes/tfjs-lab.md §4). `navigator` is a
      // getter-only global from Node 21 on, so it is redefined rather than assigned.
      let dawn: { create: (o: string[]) => unknown; globals: object };
      try {
        dawn = (await importOptional(DAWN)) as typeof dawn;
      } catch (e) {
        throw new Error(`the 'webgpu' package (Dawn) is not installed (npm i webgpu): ${firstLine(e)}`);
      }
      Object.assign(globalThis, dawn.globals);
      Object.defineProperty(globalThis, 'navigator', { value: { ...(g.navigator ?? {}), gpu: dawn.create([]) }, configurable: true, writable: true });
      how = 'webgpu through Dawn';
    }
    try {
      await importOptional(WEBGPU_BACKEND);
    } catch (e) {
      throw new Error(`${WEBGPU_BACKEND} is not installed: ${firstLine(e)}`);
    }
    return how;
  },
};
