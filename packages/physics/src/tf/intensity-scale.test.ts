import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { expect, it } from 'vitest';
import { describeEachBackend, expectClose, readAndDispose } from '../testing.js';
import { intensityScale } from './intensity-scale.js';
import { intensityScaleFactor } from './intensity-scale-factor.js';
import { intensityScaleInverse } from './intensity-scale-inverse.js';

describeEachBackend('intensityScale', () => {
  it('divides by s, its inverse multiplies back (number or scalar tensor s)', async () => {
    const x = tf.tensor1d([1, -2, 300]);
    const s = tf.scalar(4);
    expectClose(await readAndDispose(intensityScale(x, 4)), [0.25, -0.5, 75], { rtol: 0 });
    expectClose(await readAndDispose(intensityScaleInverse(intensityScale(x, s), s)), [1, -2, 300], { rtol: 1e-7 });
    tf.dispose([x, s]);
  });
});

it('intensityScaleFactor follows SPEC §3: sqrt(nphotons / mean energy), else sqrt(nphotons)/(N/2)', () => {
  expect(intensityScaleFactor(1e9, 64)).toBeCloseTo(Math.sqrt(1e9) / 32, 9);
  expect(intensityScaleFactor(1e6, 64, 2.5)).toBeCloseTo(Math.sqrt(1e6 / 2.5), 9);
  expect(() => intensityScaleFactor(0, 64)).toThrow(InputError);
  expect(() => intensityScaleFactor(1e6, 64, Number.NaN)).toThrow(/energy/);
});
