import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeValue, expectAdjoint, expectClose, expectGradientMatchesFiniteDifferences, useBackend } from '../testing.js';

describe('expectClose', () => {
  it('passes within atol + rtol·|expected| and treats NaN as equal only to NaN', () => {
    expectClose([1, 2, NaN], [1 + 1e-7, 2, NaN], { rtol: 1e-6 });
    expect(() => expectClose([NaN], [0], { atol: 1 })).toThrow(/1 of 1 elements outside/);
  });

  it('explains a failure: label, input, tolerance, worst element with index, delta', () => {
    let msg = '';
    try {
      expectClose([1, 2, 3, 4.5], [1, 2, 3, 4], { rtol: 1e-3, shape: [2, 2], label: 'demo', input: { seed: 3 } });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toContain('demo');
    expect(msg).toContain('seed: 3');
    expect(msg).toContain('worst [1, 1] (flat 3): expected 4.00000000, actual 4.50000000, delta 0.500000000, tolerance 0.00400000000');
    expect(msg).toContain('atol=0, rtol=0.001');
  });

  it('rejects length mismatches', () => {
    expect(() => expectClose([1, 2], [1])).toThrow(/length: expected 1, actual 2/);
  });

  it('describeValue abbreviates arrays', () => {
    expect(describeValue(new Float32Array(10))).toMatch(/^Float32Array\(10\) \[0\.0+, .*…\]$/);
  });
});

describe('expectAdjoint and expectGradientMatchesFiniteDifferences catch wrong operators', () => {
  it('fails for an adjoint that is off by a transpose', async () => {
    await useBackend('cpu');
    const A = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const right = { forward: ([x]: tf.Tensor[]) => [tf.matMul(A, x as tf.Tensor2D)], domain: [[3, 1]], range: [[2, 1]] };
    await expectAdjoint({ ...right, adjoint: ([y]) => [tf.matMul(A, y as tf.Tensor2D, true)] });
    const B = tf.tensor2d([1, 4, 2, 5, 3, 6], [3, 2]); // Aᵀ with rows in the wrong order
    await expect(expectAdjoint({ ...right, adjoint: ([y]) => [tf.matMul(tf.reverse(B, 0), y as tf.Tensor2D)] })).rejects.toThrow(/expectAdjoint failed/);
    tf.dispose([A, B]);
  });

  it('fails for a gradient that is 1% off', async () => {
    await useBackend('cpu');
    const wrong = tf.customGrad((x, save) => {
      (save as tf.GradSaveFunc)([x as tf.Tensor]);
      return { value: tf.sum(tf.square(x as tf.Tensor)), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.mul(s!, 2.02)) };
    });
    const check = (f: (x: tf.Tensor) => tf.Scalar) =>
      expectGradientMatchesFiniteDifferences({ f: (x) => f(x!), f64: ([x]) => x!.reduce((s, v) => s + v * v, 0), inputs: [{ shape: [4], values: [0.5, -1, 2, 0.25] }] });
    await check((x) => tf.sum(tf.square(x)));
    await expect(check((x) => wrong(x) as tf.Scalar)).rejects.toThrow(/central differences/);
  });
});
