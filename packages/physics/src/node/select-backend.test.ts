import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { isInputError } from '@ptychojs/io';
import { initBackend } from './init-backend.js';
import { selectBackend } from './select-backend.js';

/** Whether an optional package can be imported here (tfjs-node, Dawn): the expected outcomes depend on it. */
async function importable(specifier: string): Promise<boolean> {
  try {
    await import(/* @vite-ignore */ specifier);
    return true;
  } catch {
    return false;
  }
}

const hasDawn = await importable('webgpu');

describe('selectBackend', () => {
  it('activates the first backend of the order that starts and says why, with our kernel fills registered', async () => {
    const native = (await importable('@tensorflow/tfjs-node')) || (await importable('@tensorflow/tfjs-node-gpu'));
    const info = await selectBackend(['tensorflow', 'wasm', 'cpu']);
    expect(info.name).toBe(native ? 'tensorflow' : 'wasm');
    expect(tf.getBackend()).toBe(info.name);
    expect(info.tfjsVersion).toBe(tf.version_core);
    if (native) {
      // `npm run setup:native` or `npm i @tensorflow/tfjs-node`: the native library's version is named.
      expect(info.reason).toMatch(/^@tensorflow\/tfjs-node(-gpu)? loaded \(TensorFlow \d+\.\d+\.\d+/);
    } else {
      expect(info.reason).toMatch(/^tensorflow unavailable \(.*tfjs-node.*\); then wasm \(SIMD/);
      // wasm 4.22 has no Conv2DBackpropFilter of its own: training needs ours.
      expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    }
  });

  it('initBackend starts a backend without switching to it', async () => {
    await selectBackend(['wasm']);
    await initBackend('cpu');
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('ResizeNearestNeighborGrad', 'cpu')).toBeDefined();
  });

  it.skipIf(hasDawn)('names every failed attempt in an InputError when none starts (skipped: the webgpu package is installed)', async () => {
    const e = await selectBackend(['webgpu']).catch((x: unknown) => x);
    expect(isInputError(e)).toBe(true);
    expect((e as { key?: string }).key).toBe('backend');
    expect((e as Error).message).toMatch(/webgpu unavailable \(the 'webgpu' package \(Dawn\) is not installed/);
  });
});
