import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, randomNormalArrays, readAndDispose, withBackend } from '../testing.js';

beforeAll(async () => {
  await initBackend('cpu');
  await initBackend('wasm'); // registers our fills, PadV2 among them
});

/** (shape, paddings, constant) cases: every rank up to 5, unpadded trailing axes, zero-size input, the resampler's own shape. */
const CASES: [number[], [number, number][], number][] = [
  [[5], [[2, 3]], 0],
  [[3, 4], [[1, 0], [2, 2]], 1.5],
  [[3, 4], [[0, 0], [0, 3]], 0],
  [[2, 3, 4], [[1, 1], [0, 0], [0, 0]], -2],
  [[2, 6, 6, 3], [[0, 0], [3, 4], [3, 4], [0, 0]], 0],
  [[2, 3, 2, 3, 2], [[1, 0], [0, 1], [2, 0], [0, 0], [1, 1]], 0.25],
  [[2, 0, 3], [[1, 1], [2, 0], [0, 1]], 7],
  [[4, 16, 16, 2], [[0, 0], [1, 16], [2, 15], [0, 0]], 0],
];

describe('PadV2 fill on wasm', () => {
  for (const [shape, paddings, value] of CASES) {
    it(`pads ${JSON.stringify(shape)} by ${JSON.stringify(paddings)} with ${value} exactly as the cpu backend`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const [v] = randomNormalArrays(5, [Math.max(n, 1)]);
      const run = () => readAndDispose(tf.tidy(() => tf.pad(tf.tensor(v!.subarray(0, n), shape), paddings, value)));
      const [cpu, wasm] = [await withBackend('cpu', run), await withBackend('wasm', run)];
      expect(wasm.length).toBe(shape.reduce((a, s, d) => a * (paddings[d]![0] + s + paddings[d]![1]), 1));
      // A copy and a fill: the same float32 values, bit for bit.
      expect(Array.from(wasm)).toEqual(Array.from(cpu));
    });
  }

  it('keeps int32 values and the gradient of a pad (a slice of dy)', async () => {
    const ints = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.pad(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), [[1, 0], [0, 1]], 9))));
    expect(Array.from(ints)).toEqual([9, 9, 9, 1, 2, 9, 3, 4, 9]);
    const g = await withBackend('wasm', () => readAndDispose(tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.pad(x, [[1, 1], [0, 2]]), tf.reshape(tf.range(0, 20), [4, 5]))))(tf.ones([2, 3])))));
    expect(Array.from(g)).toEqual([5, 6, 7, 10, 11, 12]);
  });
});
