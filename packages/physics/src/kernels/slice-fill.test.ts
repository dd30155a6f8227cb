import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, randomNormalArrays, readAndDispose, withBackend } from '../testing.js';

beforeAll(async () => {
  await initBackend('cpu');
  await initBackend('wasm'); // registers our fills, Slice among them
});

/** (shape, begin, size) cases: contiguous and strided, every rank up to 5, size −1, empty. */
const CASES: [number[], number[], number[]][] = [
  [[7], [2], [4]],
  [[5, 6], [1, 2], [3, 3]],
  [[5, 6], [2, 0], [2, 6]], // contiguous rows
  [[4, 5, 6], [1, 0, 2], [2, -1, 3]],
  [[3, 8, 8, 4], [1, 2, 3, 0], [2, 4, 4, 4]],
  [[3, 8, 8, 4], [0, 1, 1, 1], [3, 6, 6, 2]],
  [[2, 3, 4, 5, 6], [1, 1, 0, 2, 3], [1, 2, 4, 2, 3]],
  [[4, 4], [1, 1], [0, 2]],
  // Trailing axes taken whole merge into one run (issue 16): a W-slice with C = 1, an H-slice.
  [[3, 6, 7, 1], [0, 0, 1, 0], [3, 6, 6, 1]],
  [[2, 5, 6, 3], [0, 1, 0, 0], [2, 3, 6, 3]],
  [[2, 5, 6, 3], [1, 1, 2, 0], [1, 4, 3, 3]],
];

describe('Slice fill on wasm', () => {
  for (const [shape, begin, size] of CASES) {
    it(`slices ${JSON.stringify(shape)} at ${JSON.stringify(begin)} size ${JSON.stringify(size)} exactly as the cpu backend`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const [v] = randomNormalArrays(3, [n]);
      const run = () => readAndDispose(tf.tidy(() => tf.slice(tf.tensor(v!, shape), begin, size)));
      const [cpu, wasm] = [await withBackend('cpu', run), await withBackend('wasm', run)];
      // A copy: the same float32 values, bit for bit.
      expect(Array.from(wasm)).toEqual(Array.from(cpu));
    });
  }

  it('keeps int32 values and gradients of slices', async () => {
    const ints = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.slice(tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), [0, 1], [2, 2]))));
    expect(Array.from(ints)).toEqual([2, 3, 5, 6]);
    const g = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.slice(x, [1, 0], [1, 2])))(tf.ones([3, 2])))));
    expect(Array.from(g)).toEqual([0, 0, 1, 1, 0, 0]);
  });
});
