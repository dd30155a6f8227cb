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

  it('with a mask of measured pixels: the mean over measured pixels per pattern (float64 reference); a masked pixel changes neither the loss nor its gradient', async () => {
    const [B, n] = [2, 6], size = B * n * n;
    const I = randomUniformArray(71, size, 0.2, 9), X = randomUniformArray(72, size, 0, 2);
    const bad = new Set([7, 8, 20]); // pixels (i, j) of every pattern
    const measured = tf.tensor4d(Float32Array.from({ length: n * n }, (_, p) => (bad.has(p) ? 0 : 1)), [1, n, n, 1]);
    // float64: per pattern, the mean over the n² − 3 measured terms; then the mean over patterns.
    let want = 0;
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let p = 0; p < n * n; p++) if (!bad.has(p)) { const k = b * n * n + p; s += I[k]! - X[k]! ** 2 * Math.log(I[k]!); }
      want += s / (n * n - bad.size) / B;
    }
    const loss = (i: Float32Array, x: Float32Array) => poissonNll(tf.tensor4d(i, [B, n, n, 1]), tf.tensor4d(x, [B, n, n, 1]), { measured });
    expectClose((await readAndDispose(loss(I, X)))[0]!, want, { rtol: 1e-5 });
    // Garbage (a detector gap at 65535 counts, NaN, Inf) at the masked pixels: the same loss, bit for bit.
    const I2 = I.slice(), X2 = X.slice();
    for (let b = 0; b < B; b++) { I2[b * n * n + 7] = NaN; I2[b * n * n + 8] = Infinity; X2[b * n * n + 20] = 65535; X2[b * n * n + 7] = 1e6; }
    expect((await readAndDispose(loss(I2, X2)))[0]).toBe((await readAndDispose(loss(I, X)))[0]);
    // ∂loss/∂Î is 0 at masked pixels, and (1 − Y/Î)/(n² − 3)/B elsewhere.
    const it = tf.tensor4d(I2, [B, n, n, 1]), xt = tf.tensor4d(X2, [B, n, n, 1]);
    const g = await readAndDispose(tf.grad((i: tf.Tensor) => poissonNll(i, xt, { measured }))(it));
    for (let b = 0; b < B; b++) for (let p = 0; p < n * n; p++) {
      const k = b * n * n + p;
      if (bad.has(p)) expect(g[k]).toBe(0);
      else expectClose(g[k]!, (1 - X[k]! ** 2 / I[k]!) / (n * n - bad.size) / B, { rtol: 1e-4 });
    }
    tf.dispose([measured, it, xt]);
  });
});
