import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest, readAndDispose, withBackend } from '../testing.js';
import { reassemble } from './reassemble.js';

// Property (issue 7): the overlap-normalized reassembly is a convex combination of the patch values
// at each canvas pixel (weights Σ_c w_c / max(Σ_c w_c, ε) ≤ 1), so patches bounded by A give a
// canvas bounded by A — on every backend, for any geometry. A kernel that misplaces or mixes
// planes (wasm's CropAndResize did) breaks it by orders of magnitude.
const geometry = fc.record({
  B: fc.integer({ min: 1, max: 6 }),
  g: fc.constantFrom(1, 2, 3),
  N: fc.constantFrom(8, 16, 32),
  margin: fc.integer({ min: 0, max: 12 }),
  A: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** Patches |p| ≤ A (amplitude uniform in [0, A], any phase) and offsets anywhere in the canvas limit. */
function sample(p: { B: number; g: number; N: number; margin: number; A: number; seed: number }) {
  const C = p.g * p.g, S = p.N + 2 * p.margin;
  let s = p.seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const re = new Float32Array(p.B * p.N * p.N * C), im = new Float32Array(re.length);
  for (let k = 0; k < re.length; k++) {
    const a = p.A * rand(), phi = 2 * Math.PI * rand();
    re[k] = a * Math.cos(phi);
    im[k] = a * Math.sin(phi);
  }
  const coords = Float64Array.from({ length: p.B * 2 * C }, () => (2 * rand() - 1) * (p.margin + 0.999));
  return { C, S, re, im, coords };
}

describe('reassemble keeps patches bounded by A within A, on every backend', () => {
  it('for random geometry, offsets up to the canvas limit and amplitudes from 1e−3 to 1e3', async () => {
    const names = await backendsUnderTest();
    for (const name of names) {
      await withBackend(name, () =>
        fc.assert(
          fc.asyncProperty(geometry, async (p) => {
            const { C, S, re, im, coords } = sample(p);
            const out = tf.tidy(() => {
              const o = reassemble({ re: tf.tensor4d(re, [p.B, p.N, p.N, C]), im: tf.tensor4d(im, [p.B, p.N, p.N, C]) }, coords, S);
              return tf.max(tf.sqrt(tf.add(tf.square(o.re), tf.square(o.im))));
            });
            const peak = (await readAndDispose(out))[0]!;
            // float32 weights and sums: a few ulps above A at most.
            expect(peak, `${name}: ${JSON.stringify(p)}`).toBeLessThanOrEqual(p.A * (1 + 1e-5));
          }),
          { numRuns: 25, seed: 7 },
        ),
      );
    }
  });
});
