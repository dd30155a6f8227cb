import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectClose, randomNormalArrays, readAndDispose } from '../testing.js';
import { complexMae } from './complex-mae.js';
import { mae } from './mae.js';

describeEachBackend('mae and complexMae', () => {
  const [a, b, c, d] = randomNormalArrays(71, [60, 60, 60, 60]);
  const mean = (f: (k: number) => number) => Array.from({ length: 60 }, (_, k) => f(k)).reduce((s, v) => s + v, 0) / 60;

  it('mae is mean |a − b|', async () => {
    const got = await readAndDispose(mae(tf.tensor2d(a!, [6, 10]), tf.tensor2d(b!, [6, 10])));
    expectClose(got[0]!, mean((k) => Math.abs(a![k]! - b![k]!)), { rtol: 1e-6 });
  });

  it('complexMae is mean |Δre| + mean |Δim| (PtychoPINN complex_mae)', async () => {
    const got = await readAndDispose(complexMae({ re: tf.tensor1d(a!), im: tf.tensor1d(b!) }, { re: tf.tensor1d(c!), im: tf.tensor1d(d!) }));
    expectClose(got[0]!, mean((k) => Math.abs(a![k]! - c![k]!)) + mean((k) => Math.abs(b![k]! - d![k]!)), { rtol: 1e-6 });
  });

  it('mae rejects mismatched shapes', () => {
    const x = tf.zeros([2, 3]), y = tf.zeros([6]);
    expect(() => mae(x, y)).toThrow(InputError);
    tf.dispose([x, y]);
  });

  it('mae with a mask of measured pixels is the mean |a − b| over measured pixels per row; masked values do not count', async () => {
    const measured = tf.tensor2d(Float32Array.from({ length: 10 }, (_, j) => (j === 3 || j === 4 ? 0 : 1)), [1, 10]);
    let want = 0;
    for (let r = 0; r < 6; r++) { let s = 0; for (let j = 0; j < 10; j++) if (j !== 3 && j !== 4) s += Math.abs(a![r * 10 + j]! - b![r * 10 + j]!); want += s / 8 / 6; }
    const garbage = a!.slice();
    for (let r = 0; r < 6; r++) { garbage[r * 10 + 3] = NaN; garbage[r * 10 + 4] = 1e9; }
    const got = await readAndDispose(mae(tf.tensor2d(garbage, [6, 10]), tf.tensor2d(b!, [6, 10]), measured));
    expectClose(got[0]!, want, { rtol: 1e-6 });
    measured.dispose();
  });
});
