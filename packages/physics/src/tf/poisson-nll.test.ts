import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectClose, expectGradientMatchesFiniteDifferences, randomNormalArrays, randomUniformArray, readAndDispose } from '../testing.js';
import { NonFiniteError } from './errors.js';
import { poissonNll } from './poisson-nll.js';

/** Float64 SPEC §3 Poisson NLL: mean of Î − Y·log(max(Î, ε)), Y = (s·X)². */
const nll64 = (I: ArrayLike<number>, X: ArrayLike<number>, s = 1) => {
  let sum = 0;
  for (let k = 0; k < I.length; k++) sum += I[k]! - (s * X[k]!) ** 2 * Math.log(Math.max(I[k]!, 1e-12));
  return sum / I.length;
};

describeEachBackend('poissonNll', () => {
  it('is the mean of Î − (s·X)²·log Î (float64 reference, with scale s)', async () => {
    const n = 2 * 8 * 8 * 4;
    const I = randomUniformArray(61, n, 0.01, 50);
    const X = randomUniformArray(62, n, 0, 3);
    const got = (await readAndDispose(poissonNll(tf.tensor4d(I, [2, 8, 8, 4]), tf.tensor4d(X, [2, 8, 8, 4]), { scale: 2.5 })))[0]!;
    // float32 terms of size ~|Y·log Î| ≤ 250, mean of 512: ~1e−6 relative
    expectClose(got, nll64(I, X, 2.5), { rtol: 1e-5 });
  });

  it('clamps Î at 1e−12 inside the log: Î = 0 costs 0 where Y = 0 and −Y·log(1e−12) where Y > 0', async () => {
    const got = await readAndDispose(poissonNll(tf.tensor1d([0, 0, 1e-20]), tf.tensor1d([0, 1, 2])));
    expectClose(got[0]!, (0 - 1 * Math.log(1e-12) + 1e-20 - 4 * Math.log(1e-12)) / 3, { rtol: 1e-6 });
  });

  it('propagates a NaN in Î to the loss, and throws NonFiniteError with checkFinite', async () => {
    const I = tf.tensor1d([1, NaN, 2]);
    const X = tf.tensor1d([1, 1, 1]);
    expect(Number.isNaN((await readAndDispose(poissonNll(I, X)))[0])).toBe(true);
    expect(() => poissonNll(I, X, { checkFinite: true })).toThrow(NonFiniteError);
    expect(() => poissonNll(tf.tensor1d([1, Infinity]), tf.tensor1d([1, 1]), { checkFinite: true })).toThrow(/NaN or Inf/);
    tf.dispose([I, X]);
  });

  it('gradient w.r.t. Î matches float64 central differences: (1 − Y/Î)/n', async () => {
    const [X] = randomNormalArrays(63, [24]);
    const I = randomUniformArray(64, 24, 0.5, 4);
    const xt = tf.tensor1d(X!);
    await expectGradientMatchesFiniteDifferences({
      label: 'poissonNll',
      f: (i) => poissonNll(i!, xt, { scale: 1.5 }),
      f64: ([i]) => nll64(i!, X!, 1.5),
      inputs: [{ shape: [24], values: I }],
      h: 1e-7,
    });
    xt.dispose();
  });

  it('rejects mismatched shapes', () => {
    const a = tf.zeros([2, 3]), b = tf.zeros([3, 2]);
    expect(() => poissonNll(a, b)).toThrow(InputError);
    tf.dispose([a, b]);
  });
});
