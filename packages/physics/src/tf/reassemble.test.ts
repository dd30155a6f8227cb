import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend, expectClose, maxAbs, expectGradientMatchesFiniteDifferences, randomNormalArrays, randomUniformArray, readAndDispose, reassembleReference } from '../testing.js';
import { extractPatches } from './extract-patches.js';
import { reassemble } from './reassemble.js';

describeEachBackend('reassemble', () => {
  it('equals the float64 splatting reference, normalised and not (B=2, N=10, C=4, S=22)', async () => {
    const [B, N, C, S] = [2, 10, 4, 22];
    const [re, im] = randomNormalArrays(13, [B * N * N * C, B * N * N * C]);
    const coords = randomUniformArray(14, B * 2 * C, -5.5, 5.5);
    const rel = tf.tensor4d(coords, [B, 1, 2, C]);
    const patches = { re: tf.tensor4d(re!, [B, N, N, C]), im: tf.tensor4d(im!, [B, N, N, C]) };
    for (const normalize of [true, false]) {
      const out = reassemble(patches, rel, S, { normalize });
      // Sample positions are float32 in the padded frame (≤ 4e−6 px here) and random data changes
      // by up to ~2·max|x| per pixel, so values may differ by ~1e−5·max|x| (seen: 3e−6 of 2.2).
      const tol = { rtol: 0, atol: 2e-5 * Math.max(maxAbs(re!), maxAbs(im!)), shape: [B, S, S], input: coords };
      expectClose(await readAndDispose(out.re), reassembleReference(re!, B, N, C, coords, S, { normalize }), { ...tol, label: `re, normalize ${normalize}` });
      expectClose(await readAndDispose(out.im), reassembleReference(im!, B, N, C, coords, S, { normalize }), { ...tol, label: `im, normalize ${normalize}` });
    }
    tf.dispose([rel, patches.re, patches.im]);
  });

  it('gives constant patches back as that constant wherever they overlap, and 0 outside', async () => {
    const [B, N, C, S] = [1, 8, 4, 20];
    const coords = [2, -2, 2, -2, 2, 2, -2, -2]; // integer [x…, y…]: four windows around the centre
    const rel = tf.tensor4d(coords, [B, 1, 2, C]);
    const out = await readAndDispose(reassemble(tf.fill([B, N, N, C], 3.5) as tf.Tensor4D, rel, S));
    rel.dispose();
    const inside = (r: number, c: number) => [0, 1, 2, 3].some((k) => {
      const r0 = S / 2 - coords[4 + k]! - N / 2, c0 = S / 2 - coords[k]! - N / 2;
      return r >= r0 && r < r0 + N && c >= c0 && c < c0 + N;
    });
    const want = Float32Array.from({ length: S * S }, (_, k) => (inside(Math.floor(k / S), k % S) ? 3.5 : 0));
    expectClose(out, want, { rtol: 1e-6, atol: 0, shape: [S, S], label: 'constant in, constant out' });
  });

  it('round-trips: extracting from the reassembly of consistent patches gives them back', async () => {
    const [B, S, N, C] = [2, 24, 10, 4];
    const [x] = randomNormalArrays(15, [B * S * S]);
    const rel = tf.tensor4d(randomUniformArray(16, B * 2 * C, -3, 3), [B, 1, 2, C]);
    const canvas = tf.tensor4d(x!, [B, S, S, 1]);
    // Patches cut from one canvas at integer-free positions agree on overlaps only after
    // bilinear resampling, so start from patches that came from a canvas at integer shifts.
    const relInt = tf.round(rel);
    const patches = extractPatches(canvas, relInt, N);
    const again = extractPatches(reassemble(patches, relInt, S), relInt, N);
    expectClose(await readAndDispose(again), await readAndDispose(patches), { rtol: 1e-5, atol: 1e-6, label: 'extract ∘ reassemble on consistent patches' });
    tf.dispose([rel, relInt, canvas]);
  });

  it('gradient w.r.t. the patches matches float64 central differences (normalised)', async () => {
    const [B, N, C, S] = [1, 4, 2, 8];
    const coords = [0.7, -1.2, -0.3, 1.6];
    const [p, w] = randomNormalArrays(17, [B * N * N * C, B * S * S]);
    const [wt, rel] = [tf.tensor4d(w!, [B, S, S, 1]), tf.tensor4d(coords, [B, 1, 2, C])];
    await expectGradientMatchesFiniteDifferences({
      label: 'reassemble',
      f: (t) => tf.sum(tf.mul(tf.square(reassemble(t as tf.Tensor4D, rel, S)), wt)),
      f64: ([t]) => reassembleReference(t!, B, N, C, coords, S).reduce((s, v, k) => s + v * v * w![k]!, 0),
      inputs: [{ shape: [B, N, N, C], values: p! }],
    });
    tf.dispose([wt, rel]);
  });

  it('rejects a non-positive epsilon', () => {
    const p = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    const rel = tf.zeros([1, 1, 2, 1]);
    expect(() => reassemble(p, rel, 6, { epsilon: 0 })).toThrow(/epsilon/);
    tf.dispose([p, rel]);
  });
});
