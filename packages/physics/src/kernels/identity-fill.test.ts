import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, readAndDispose, withBackend } from '../testing.js';

beforeAll(async () => {
  await initBackend('wasm'); // registers our fills, Identity among them
});

describe('Identity fill on wasm', () => {
  it('a clone shares the data (no new buffer), keeps its values after the original is disposed, and frees them with the last reference', async () => {
    await withBackend('wasm', async () => {
      const before = tf.memory().numDataBuffers;
      const a = tf.tensor1d([1, 2, 3, 4]);
      const b = tf.clone(a);
      // One data buffer for both (a copy, the stock kernel, makes two).
      expect(tf.memory().numDataBuffers - before).toBe(1);
      a.dispose();
      expect(Array.from(await b.data())).toEqual([1, 2, 3, 4]);
      expect(tf.memory().numDataBuffers - before).toBe(1);
      b.dispose();
      expect(tf.memory().numDataBuffers).toBe(before);
    });
  });

  it('gradients that save their inputs stay right: d/dx Σ x² = 2x, d/dx Σ relu(x)·x = 2x·[x > 0]', async () => {
    const x = [-1.5, 0.5, 2, -0.25, 3];
    const g1 = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.square(t)))(tf.tensor1d(x)))));
    expect(Array.from(g1)).toEqual(x.map((v) => 2 * v));
    const g2 = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), t)))(tf.tensor1d(x)))));
    expect(Array.from(g2)).toEqual(x.map((v) => (v > 0 ? 2 * v : 0)));
  });

  it('keeps string tensors on the stock kernel', async () => {
    const s = await withBackend('wasm', async () => {
      const t = tf.clone(tf.tensor1d(['a', 'bc'], 'string'));
      try {
        return await t.data();
      } finally {
        t.dispose();
      }
    });
    expect(Array.from(s as unknown as string[])).toEqual(['a', 'bc']);
  });
});
