import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest, expectClose, maxAbs, randomNormalArrays, randomUniformArray, readAndDispose, withBackend } from '../testing.js';
import { extractPatches } from './extract-patches.js';
import { padAndDiffract } from './pad-and-diffract.js';
import { poissonNll } from './poisson-nll.js';
import { probeIllumination } from './probe-illumination.js';
import { reassemble } from './reassemble.js';
import { trim } from './trim.js';

// SPEC §5: results agree across backends within float32 tolerance. One step of the model's
// physics (object.big path): patches → reassemble → extract → ·probe → diffract → Poisson NLL,
// and its gradient w.r.t. the object patches, on every backend under test.
describe('every backend under test computes the same physics forward and gradient', () => {
  const [B, N, C, S] = [2, 16, 4, 24];
  const [or, oi, pr, pi] = randomNormalArrays(201, [B * N * N * C, B * N * N * C, N * N, N * N]);
  const coords = randomUniformArray(202, B * 2 * C, -3.5, 3.5);
  const target = randomUniformArray(203, B * N * N * C, 0, 2);

  const run = () => {
    const rel = tf.tensor4d(coords, [B, 1, 2, C]);
    const probe = { re: tf.tensor2d(pr!, [N, N]), im: tf.tensor2d(pi!, [N, N]) };
    const x = tf.tensor4d(target, [B, N, N, C]);
    const loss = (re: tf.Tensor, im: tf.Tensor) => {
      const canvas = reassemble({ re: re as tf.Tensor4D, im: im as tf.Tensor4D }, rel, S);
      const centre = trim(canvas, N); // output 1 of the model
      const patches = extractPatches(canvas, rel, N);
      const amp = padAndDiffract(probeIllumination(patches, probe, { smoothingSigma: 0.7, mask: true }));
      return tf.add(poissonNll(tf.square(amp), x), tf.mul(1e-3, tf.sum(tf.square(centre.re)))) as tf.Scalar;
    };
    const inputs = [tf.tensor4d(or!, [B, N, N, C]), tf.tensor4d(oi!, [B, N, N, C])];
    const { value, grads } = tf.valueAndGrads(loss)(inputs);
    tf.dispose([rel, probe.re, probe.im, x, ...inputs]);
    return Promise.all([readAndDispose(value), readAndDispose(grads[0]!), readAndDispose(grads[1]!)]);
  };

  it('leaks no tensors across repeated forward+backward passes (wasm)', async () => {
    await withBackend('wasm', async () => {
      await run(); // builds and caches the DFT matrices
      const before = tf.memory().numTensors;
      await run();
      await run();
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  it('cpu is the reference; the others agree to 1e−5 of the largest value', async () => {
    const names = await backendsUnderTest();
    const [ref, ...others] = await Promise.all(names.map((n) => withBackend(n, run)));
    for (const [k, got] of others.entries()) {
      for (const [j, what] of ['loss', '∂loss/∂re', '∂loss/∂im'].entries()) {
        // float32 with different summation orders and kernels: ~1e−6 of the scale observed.
        expectClose(got[j]!, ref![j]!, { rtol: 0, atol: 1e-5 * maxAbs(ref![j]!), label: `${names[k + 1]} vs cpu: ${what}` });
      }
    }
  });
});
