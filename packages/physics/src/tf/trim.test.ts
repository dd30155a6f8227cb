import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectAdjoint, expectClose, randomNormalArrays, readAndDispose } from '../testing.js';
import { padToCanvas } from './pad-to-canvas.js';
import { trim } from './trim.js';

describeEachBackend('trim and padToCanvas', () => {
  it('trim keeps rows and columns (S−N)/2 … (S−N)/2 + N − 1', async () => {
    const S = 6, N = 2;
    const x = tf.tensor4d(Float32Array.from({ length: S * S }, (_, k) => k), [1, S, S, 1]);
    expectClose(await readAndDispose(trim(x, N)), [2 * S + 2, 2 * S + 3, 3 * S + 2, 3 * S + 3], { rtol: 0 });
    x.dispose();
  });

  it('padToCanvas centres the image in zeros, and trim undoes it (complex pair)', async () => {
    const [re, im] = randomNormalArrays(91, [2 * 4 * 4 * 3, 2 * 4 * 4 * 3]);
    const x = { re: tf.tensor4d(re!, [2, 4, 4, 3]), im: tf.tensor4d(im!, [2, 4, 4, 3]) };
    const big = padToCanvas(x, 10);
    expect(big.re.shape).toEqual([2, 10, 10, 3]);
    const total = (await readAndDispose(tf.sum(tf.abs(big.re)))).at(0)!;
    expectClose(total, re!.reduce((s, v) => s + Math.abs(v), 0), { rtol: 1e-6, label: 'no value lost or added' });
    const back = trim(big, 4);
    expectClose(await readAndDispose(back.re), re!, { rtol: 0 });
    expectClose(await readAndDispose(back.im), im!, { rtol: 0 });
    tf.dispose([x.re, x.im, big.re, big.im]);
  });

  it('trim and padToCanvas are adjoint (dot-product test)', async () => {
    await expectAdjoint({ forward: ([x]) => [trim(x as tf.Tensor4D, 6)], adjoint: ([y]) => [padToCanvas(y as tf.Tensor4D, 12)], domain: [[2, 12, 12, 2]], range: [[2, 6, 6, 2]] });
  });

  it('reject S − N odd or N > S', () => {
    const x = tf.zeros([1, 7, 7, 1]) as tf.Tensor4D;
    expect(() => trim(x, 4)).toThrow(InputError);
    expect(() => trim(x, 9)).toThrow(InputError);
    expect(() => padToCanvas(x, 8)).toThrow(InputError);
    x.dispose();
  });
});
