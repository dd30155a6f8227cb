import * as tf from '@tensorflow/tfjs-core';
import { registerKernelFills } from '../kernels/register-kernel-fills.js';
import { firstLine } from './first-line.js';
import type { BackendName } from './types.js';

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

/** Load the package(s) that register backend `name` with tfjs; resolve to what was loaded. */
async function load(name: BackendName): Promise<string> {
  switch (name) {
    case 'tensorflow': {
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
    }
    case 'wasm':
      await import('@tensorflow/tfjs-backend-wasm');
      return 'wasm (SIMD, single thread) with ptychojs kernel fills';
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return 'cpu (reference backend; slow for training)';
    case 'webgpu': {
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
    }
    default:
      throw new Error(`unknown backend '${String(name)}'`);
  }
}

const started = new Map<BackendName, Promise<string>>();

/**
 * Start a tfjs backend once per process, the one owner of "load it and register our kernel fills"
 * (SPEC §5) for the CLI, the tests and workers: load its package (`tensorflow`: tfjs-node-gpu, then
 * tfjs-node; `webgpu` in Node: Dawn from the `webgpu` package), register
 * {@link registerKernelFills} on it, and initialise it. Leaves the active backend as it was; see
 * {@link useBackend} to switch to it. Choosing which backend to use is the caller's business.
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
      const how = await load(name);
      registerKernelFills(name);
      if (!(await tf.setBackend(name))) {
        throw new Error(name === 'webgpu' ? 'no WebGPU adapter (is a Vulkan driver installed?)' : `the ${name} backend did not initialise`);
      }
      if (previous && previous !== name) await tf.setBackend(previous);
      return how;
    })();
    started.set(name, p);
    p.catch(() => started.delete(name));
  }
  return p;
}
