import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { parseNpz, toComplexArray, toFloat32Array, toFloat64Array } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { describeEachBackend, expectClose, maxAbs, readAndDispose } from '../testing.js';
import { padAndDiffract } from './pad-and-diffract.js';
import { poissonNll } from './poisson-nll.js';
import { probeIllumination } from './probe-illumination.js';

// SPEC §3: our forward model SHALL agree with the independent numpy goldens to 1e−5 relative.
const FILE = path.resolve(import.meta.dirname, '../../../../../shared/data/golden/forward_cases.npz');

describe.skipIf(!fs.existsSync(FILE))('golden forward cases (needs ../shared/data)', () => {
  const load = () => {
    const a = parseNpz(new Uint8Array(fs.readFileSync(FILE)), { file: FILE, keys: ['patches', 'probeGuess', 'amplitude', 'counts', 'dose_scale', 'poisson_nll_mean'] });
    const need = (k: string) => {
      const v = a[k];
      if (v === undefined) throw new Error(`${FILE}: missing ${k}`);
      return v;
    };
    return {
      patches: toComplexArray(need('patches')),
      probe: toComplexArray(need('probeGuess')),
      amplitude: toFloat32Array(need('amplitude')),
      counts: toFloat32Array(need('counts')),
      dose: toFloat64Array(need('dose_scale'))[0]!,
      nll: toFloat64Array(need('poisson_nll_mean'))[0]!,
    };
  };
  const g = load();
  const [M, N] = g.patches.shape as [number, number, number];

  describeEachBackend('golden', () => {
    it(`padAndDiffract(probe · patch) equals the golden amplitudes to 1e−5 relative (${M} cases, N=${N})`, async () => {
      const amp = tf.tidy(() => {
        const psi = probeIllumination(
          { re: tf.tensor4d(g.patches.re, [M, N, N, 1]), im: tf.tensor4d(g.patches.im, [M, N, N, 1]) },
          { re: tf.tensor2d(g.probe.re, [N, N]), im: tf.tensor2d(g.probe.im, [N, N]) },
        );
        return padAndDiffract(psi);
      });
      const got = await readAndDispose(amp);
      for (let k = 0; k < M; k++) {
        const want = g.amplitude.subarray(k * N * N, (k + 1) * N * N);
        // "1e−5 relative": each pattern to 1e−5 of its peak, and each pixel to 1e−5 of itself
        // plus that floor (dark pixels carry float32 DFT noise of ~1e−7 of the peak).
        expectClose(got.subarray(k * N * N, (k + 1) * N * N), want, { rtol: 1e-5, atol: 1e-5 * maxAbs(want), shape: [N, N], label: `case ${k}` });
      }
    });

    it('poissonNll(dose·A², counts) equals the golden mean Poisson NLL to 1e−5 relative', async () => {
      const loss = tf.tidy(() => {
        const a = tf.tensor4d(g.amplitude, [M, N, N, 1]);
        const rate = tf.mul(tf.square(a), g.dose);
        return poissonNll(rate, tf.sqrt(tf.tensor4d(g.counts, [M, N, N, 1])));
      });
      const v = (await readAndDispose(loss))[0]!;
      // The golden uses log(rate + 1e−12), ours log(max(rate, 1e−12)): equal to far below 1e−5 here.
      expect(Math.abs(v - g.nll) / Math.abs(g.nll)).toBeLessThan(1e-5);
    });
  });
});
