import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectAdjoint, expectClose, maxAbs, expectGradientMatchesFiniteDifferences, extractPatchesReference, randomNormalArrays, randomUniformArray, readAndDispose } from '../testing.js';
import { extractPatches } from './extract-patches.js';
import { reassemble } from './reassemble.js';
import { trim } from './trim.js';

describeEachBackend('extractPatches', () => {
  it('cuts SPEC §3\'s example window: N=64 at (x, y) = (100, 80) is rows 48..111, cols 68..131', async () => {
    // A 200×200 canvas centred on offset (100, 100) is the object itself (pixel r ↔ y = r).
    const S = 200, N = 64;
    const obj = new Float32Array(S * S);
    for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) obj[r * S + c] = r + 1000 * c;
    const rel = tf.tensor4d([-(100 - 100), -(80 - 100)], [1, 1, 2, 1]); // −(position − offset), [x, y]
    const patch = await readAndDispose(extractPatches(tf.tensor4d(obj, [1, S, S, 1]), rel, N));
    rel.dispose();
    expect([patch[0], patch[N - 1], patch[(N - 1) * N], patch[N * N - 1]]).toEqual([48 + 1000 * 68, 48 + 1000 * 131, 111 + 1000 * 68, 111 + 1000 * 131]);
  });

  it('centres the window of a member on its own position: patch(N/2, N/2) is the canvas at centre + (position − offset)', async () => {
    const S = 24, N = 8;
    const canvas = new Float32Array(S * S);
    canvas[(S / 2 + 2) * S + (S / 2 + 3)] = 1; // object point at offset + (x: +3, y: +2)
    const rel = tf.tensor4d([-3, 0, -2, 0], [1, 1, 2, 2]); // channel 0 at that point, channel 1 at the offset
    const p = await readAndDispose(extractPatches(tf.tensor4d(canvas, [1, S, S, 1]), rel, N));
    rel.dispose();
    expect(p[((N / 2) * N + N / 2) * 2 + 0]).toBe(1);
    expect(p[((N / 2 + 2) * N + N / 2 + 3) * 2 + 1]).toBe(1);
  });

  it('equals the float64 reference written from patch_k(i,j) = O(y_k − N/2 + i, x_k − N/2 + j) (B=2, S=20, N=12, C=4)', async () => {
    const [B, S, N, C] = [2, 20, 12, 4];
    const [cr, ci] = randomNormalArrays(8, [B * S * S, B * S * S]);
    const coords = randomUniformArray(9, B * 2 * C, -4.9, 4.9);
    const rel = tf.tensor4d(coords, [B, 1, 2, C]);
    const out = extractPatches({ re: tf.tensor4d(cr!, [B, S, S, 1]), im: tf.tensor4d(ci!, [B, S, S, 1]) }, rel, N);
    rel.dispose();
    // Sample positions are float32 in the padded frame (≤ 4e−6 px here) and random data changes
    // by up to ~2·max|x| per pixel: allow 2e−5·max|x| (seen: 4e−6 of 4.5).
    const tol = { rtol: 0, atol: 2e-5 * Math.max(maxAbs(cr!), maxAbs(ci!)), shape: [B, N, N, C], input: coords };
    expectClose(await readAndDispose(out.re), extractPatchesReference(cr!, B, S, coords, C, N), { ...tol, label: 're' });
    expectClose(await readAndDispose(out.im), extractPatchesReference(ci!, B, S, coords, C, N), { ...tol, label: 'im' });
  });

  it('gives the centre crop (trim) for zero relative positions', async () => {
    const [B, S, N] = [2, 14, 8];
    const [x] = randomNormalArrays(10, [B * S * S]);
    const canvas = tf.tensor4d(x!, [B, S, S, 1]);
    const rel = tf.zeros([B, 1, 2, 1]);
    const got = await readAndDispose(extractPatches(canvas, rel, N));
    expectClose(got, await readAndDispose(trim(canvas, N)), { rtol: 0, atol: 0, label: 'zero offsets = trim' });
    tf.dispose([canvas, rel]);
  });

  it('is the adjoint of un-normalised reassembly: Re⟨E m, d⟩ = Re⟨m, E* d⟩ (complex, C=4)', async () => {
    const [B, S, N, C] = [3, 26, 16, 4];
    const rel = tf.tensor4d(randomUniformArray(11, B * 2 * C, -5, 5), [B, 1, 2, C]);
    await expectAdjoint({
      forward: ([r, i]) => { const p = extractPatches({ re: r as tf.Tensor4D, im: i as tf.Tensor4D }, rel, N); return [p.re, p.im]; },
      adjoint: ([r, i]) => { const c = reassemble({ re: r as tf.Tensor4D, im: i as tf.Tensor4D }, rel, S, { normalize: false }); return [c.re, c.im]; },
      domain: [[B, S, S, 1], [B, S, S, 1]],
      range: [[B, N, N, C], [B, N, N, C]],
    });
    rel.dispose();
  });

  it('gradient w.r.t. the canvas matches float64 central differences', async () => {
    const [B, S, N, C] = [1, 8, 4, 2];
    const coords = [0.6, -1.3, 1.25, -0.4];
    const [x, w] = randomNormalArrays(12, [B * S * S, B * N * N * C]);
    const [wt, rel] = [tf.tensor4d(w!, [B, N, N, C]), tf.tensor4d(coords, [B, 1, 2, C])];
    await expectGradientMatchesFiniteDifferences({
      label: 'extractPatches',
      f: (c) => tf.sum(tf.mul(tf.square(extractPatches(c as tf.Tensor4D, rel, N)), wt)),
      f64: ([c]) => extractPatchesReference(c!, B, S, coords, C, N).reduce((s, v, k) => s + v * v * w![k]!, 0),
      inputs: [{ shape: [B, S, S, 1], values: x! }],
    });
    tf.dispose([wt, rel]);
  });

  it('rejects a canvas with S − N odd, and coords that are not (B, 1, 2, C)', () => {
    const canvas = tf.zeros([1, 9, 9, 1]) as tf.Tensor4D;
    const rel = tf.zeros([1, 1, 2, 1]);
    expect(() => extractPatches(canvas, rel, 4)).toThrow(InputError);
    expect(() => extractPatches(canvas, tf.zeros([1, 2, 1]), 5)).toThrow(/coords_relative/);
    tf.dispose([canvas, rel]);
  });
});
