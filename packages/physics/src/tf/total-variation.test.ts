import * as tf from '@tensorflow/tfjs-core';
import { it } from 'vitest';
import { describeEachBackend, expectClose, expectGradientMatchesFiniteDifferences, randomNormalArrays, readAndDispose } from '../testing.js';
import { totalVariation } from './total-variation.js';

/** Float64 anisotropic TV of (B, H, W, C) re and im, summed, divided by B. */
function tv64(re: ArrayLike<number>, im: ArrayLike<number>, B: number, H: number, W: number, C: number): number {
  let s = 0;
  const at = (x: ArrayLike<number>, b: number, i: number, j: number, c: number) => x[((b * H + i) * W + j) * C + c]!;
  for (const x of [re, im]) for (let b = 0; b < B; b++) for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) for (let c = 0; c < C; c++) {
    if (i + 1 < H) s += Math.abs(at(x, b, i + 1, j, c) - at(x, b, i, j, c));
    if (j + 1 < W) s += Math.abs(at(x, b, i, j + 1, c) - at(x, b, i, j, c));
  }
  return s / B;
}

describeEachBackend('totalVariation', () => {
  const [B, H, W, C] = [2, 5, 7, 2];
  const [re, im] = randomNormalArrays(81, [B * H * W * C, B * H * W * C]);

  it('is the batch mean of Σ|vertical| + Σ|horizontal| differences of re and im', async () => {
    const got = await readAndDispose(totalVariation({ re: tf.tensor4d(re!, [B, H, W, C]), im: tf.tensor4d(im!, [B, H, W, C]) }));
    expectClose(got[0]!, tv64(re!, im!, B, H, W, C), { rtol: 1e-6 });
  });

  it('is 0 for a constant object', async () => {
    const k = tf.fill([1, 4, 4, 1], 2.5) as tf.Tensor4D;
    expectClose((await readAndDispose(totalVariation({ re: k, im: k })))[0]!, 0, { atol: 0 });
    k.dispose();
  });

  it('gradient matches float64 central differences', async () => {
    await expectGradientMatchesFiniteDifferences({
      label: 'totalVariation',
      f: (r, i) => totalVariation({ re: r as tf.Tensor4D, im: i as tf.Tensor4D }),
      f64: ([r, i]) => tv64(r!, i!, B, H, W, C),
      inputs: [re!, im!].map((v) => ({ shape: [B, H, W, C], values: v })),
    });
  });
});
