import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectAdjoint, expectClose, maxAbs, expectGradientMatchesFiniteDifferences, randomNormalArrays, readAndDispose, translateReference } from '../testing.js';
import { translate } from './translate.js';

// Fractional, negative, zero and out-of-frame shifts ([tx, ty] per image).
const OFFSETS = [[0.3, -1.7], [-2.25, 0.5], [0, 0], [11.5, 3]];

describeEachBackend('translate', () => {
  it('moves content right for +tx and down for +ty: out(x, y) = in(x − tx, y − ty)', async () => {
    const img = new Float32Array(8 * 9);
    img[4 * 9 + 5] = 1; // row 4, column 5
    const out = await readAndDispose(translate(tf.tensor4d(img, [1, 8, 9, 1]), [[2, -1]]));
    const want = new Float32Array(8 * 9);
    want[3 * 9 + 7] = 1; // row 4 − 1, column 5 + 2
    expectClose(out, want, { rtol: 0, atol: 0, shape: [8, 9], label: 'integer shift (tx=2, ty=−1)' });
  });

  it('equals the float64 bilinear reference with zero fill (B=4, 10×12, C=3)', async () => {
    const [B, H, W, C] = [4, 10, 12, 3];
    const [x] = randomNormalArrays(5, [B * H * W * C]);
    const got = await readAndDispose(translate(tf.tensor4d(x!, [B, H, W, C]), OFFSETS));
    // Sample positions are float32 in the padded frame (≲ 2e−6 px at this size) and random data
    // changes by up to ~2·max|x| per pixel: allow 2e−5·max|x|.
    expectClose(got, translateReference(x!, B, H, W, C, OFFSETS.flat()), { rtol: 0, atol: 2e-5 * maxAbs(x!), shape: [B, H, W, C], input: OFFSETS });
  });

  it('translates a complex pair part by part, and accepts offsets as a tensor', async () => {
    const [B, H, W, C] = [4, 6, 7, 2];
    const [re, im] = randomNormalArrays(6, [B * H * W * C, B * H * W * C]);
    const off = tf.tensor2d(OFFSETS);
    const out = translate({ re: tf.tensor4d(re!, [B, H, W, C]), im: tf.tensor4d(im!, [B, H, W, C]) }, off);
    off.dispose();
    const atol = 2e-5 * Math.max(maxAbs(re!), maxAbs(im!)); // as above
    expectClose(await readAndDispose(out.re), translateReference(re!, B, H, W, C, OFFSETS.flat()), { rtol: 0, atol, label: 're' });
    expectClose(await readAndDispose(out.im), translateReference(im!, B, H, W, C, OFFSETS.flat()), { rtol: 0, atol, label: 'im' });
  });

  it('has translation by −t as its exact adjoint (dot-product test)', async () => {
    const shape = [4, 16, 13, 2];
    const neg = OFFSETS.map(([x, y]) => [-x!, -y!]);
    await expectAdjoint({ forward: ([x]) => [translate(x as tf.Tensor4D, OFFSETS)], adjoint: ([y]) => [translate(y as tf.Tensor4D, neg)], domain: [shape], range: [shape] });
  });

  it('gradient w.r.t. the image matches float64 central differences', async () => {
    const [B, H, W, C] = [2, 5, 6, 2];
    const off = [[0.4, -1.3], [-0.75, 2.2]];
    const [x, w] = randomNormalArrays(7, [B * H * W * C, B * H * W * C]);
    const wt = tf.tensor4d(w!, [B, H, W, C]);
    await expectGradientMatchesFiniteDifferences({
      label: 'translate',
      f: (t) => tf.sum(tf.mul(tf.square(translate(t as tf.Tensor4D, off)), wt)),
      f64: ([t]) => translateReference(t!, B, H, W, C, off.flat()).reduce((s, v, k) => s + v * v * w![k]!, 0),
      inputs: [{ shape: [B, H, W, C], values: x! }],
    });
    wt.dispose();
  });

  it('rejects offsets that are not (B, 2)', () => {
    const x = tf.zeros([2, 4, 4, 1]) as tf.Tensor4D;
    expect(() => translate(x, [[1, 2]])).toThrow(InputError);
    x.dispose();
  });
});
