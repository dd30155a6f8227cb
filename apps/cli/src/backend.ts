/**
 * Backend choice for the CLI (SPEC §5). Packages never pick a backend; this module does, once, and
 * reports what it chose and why. `auto`: tfjs-node-gpu, then tfjs-node (optional, guarded dynamic
 * imports: absent or throwing both fall back), then wasm (SIMD) with our kernel fills, then cpu.
 */
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { registerKernelFills } from '@ptychojs/physics/kernels';

export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu', 'webgpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface BackendInfo {
  /** The tfjs backend name in use (`tensorflow`, `wasm`, `cpu`, `webgpu`). */
  readonly name: string;
  /** What was asked for. */
  readonly requested: BackendChoice;
  /** Why this one: each attempt and its outcome, in order. */
  readonly reason: string;
  readonly tfjsVersion: string;
}

type Attempt = () => Promise<string>;

async function tryTensorflow(): Promise<string> {
  const errors: string[] = [];
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      await importOptional(pkg);
      if (await tf.setBackend('tensorflow')) return `${pkg} loaded`;
      errors.push(`${pkg}: loaded but the 'tensorflow' backend did not initialise`);
    } catch (e) {
      errors.push(`${pkg}: ${firstLine(e)}`);
    }
  }
  throw new Error(errors.join('; '));
}

async function tryWasm(): Promise<string> {
  await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
  registerKernelFills('wasm');
  return 'wasm (SIMD, single thread) with ptychojs kernel fills';
}

async function tryCpu(): Promise<string> {
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
  registerKernelFills('cpu');
  return 'cpu (reference backend; slow for training)';
}

async function tryWebgpu(): Promise<string> {
  let webgpu: { create: (opts: string[]) => unknown; globals: Record<string, unknown> };
  try {
    webgpu = (await importOptional('webgpu')) as typeof webgpu;
  } catch (e) {
    throw new Error(`the 'webgpu' package (Dawn) is not installed (npm i webgpu): ${firstLine(e)}`);
  }
  Object.assign(globalThis, webgpu.globals);
  (globalThis as { navigator?: unknown }).navigator = { gpu: webgpu.create([]) };
  try {
    await importOptional('@tensorflow/tfjs-backend-webgpu');
  } catch (e) {
    throw new Error(`@tensorflow/tfjs-backend-webgpu is not installed: ${firstLine(e)}`);
  }
  if (!(await tf.setBackend('webgpu'))) throw new Error('no WebGPU adapter (is a Vulkan driver installed?)');
  registerKernelFills('webgpu');
  return 'webgpu through Dawn';
}

const ATTEMPTS: Record<Exclude<BackendChoice, 'auto'>, Attempt> = {
  tensorflow: tryTensorflow,
  wasm: tryWasm,
  cpu: tryCpu,
  webgpu: tryWebgpu,
};

/** Initialise the requested backend. A forced backend that cannot start is an `InputError` (exit 2). */
export async function selectBackend(requested: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(requested)) {
    throw new InputError('unknown backend', { key: '--backend', expected: BACKEND_CHOICES.join('|'), actual: String(requested) });
  }
  const order: Exclude<BackendChoice, 'auto'>[] = requested === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [requested];
  const notes: string[] = [];
  for (const name of order) {
    try {
      const why = await ATTEMPTS[name]();
      notes.push(why);
      return { name: tf.getBackend(), requested, reason: notes.join('; then '), tfjsVersion: tf.version_core };
    } catch (e) {
      notes.push(`${name} unavailable (${firstLine(e)})`);
    }
  }
  throw new InputError('backend unavailable', { key: '--backend', expected: `a working ${requested} backend`, actual: notes.join('; ') });
}

/** Import a package that may be absent (optional backends); the specifier is a variable so bundlers and tsc leave it alone. */
async function importOptional(specifier: string): Promise<unknown> {
  return import(/* @vite-ignore */ specifier);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
