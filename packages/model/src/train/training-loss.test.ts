import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectClose, randomNormalArrays, randomUniformArray } from '@ptychojs/physics/testing';
import { RUN_CONFIG_DEFAULTS } from '../config/run-config.js';
import { trainingLoss } from './training-loss.js';

const [B, N, C] = [2, 8, 4];
const n = B * N * N * C;

/** Float64 reference of each term, straight from SPEC §3. */
function reference(I: Float32Array, x: Float32Array, amp: Float32Array, ore: Float32Array, oim: Float32Array, pre: Float32Array, pim: Float32Array, yre: Float32Array, yim: Float32Array) {
  let nll = 0, mae = 0, rs = 0;
  for (let k = 0; k < n; k++) {
    const Y = x[k]! * x[k]!;
    nll += I[k]! - Y * Math.log(Math.max(I[k]!, 1e-12));
    mae += Math.abs(x[k]! - amp[k]!);
    rs += (Math.abs(pre[k]! - yre[k]!) + Math.abs(pim[k]! - yim[k]!)) / n;
  }
  let tv = 0;
  for (const o of [ore, oim]) for (let b = 0; b < B; b++) for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    const v = o[(b * N + i) * N + j]!;
    if (i + 1 < N) tv += Math.abs(o[(b * N + i + 1) * N + j]! - v);
    if (j + 1 < N) tv += Math.abs(o[(b * N + i) * N + j + 1]! - v);
  }
  return { nll: nll / n, mae: mae / n, tv: tv / B, realspace: rs };
}

describeEachBackend('trainingLoss', () => {
  it('combines Poisson NLL, MAE, TV and complex MAE with the configured weights (SPEC §3)', async () => {
    const I = randomUniformArray(1, n, 0, 50);
    I[0] = 0; // exercises the 1e-12 clamp inside the log
    const x = randomUniformArray(2, n, 0, 7);
    const amp = randomUniformArray(3, n, 0, 7);
    const [ore, oim] = randomNormalArrays(4, [B * N * N, B * N * N]);
    const [pre, pim, yre, yim] = randomNormalArrays(5, [n, n, n, n]);
    const ref = reference(I, x, amp, ore!, oim!, pre!, pim!, yre!, yim!);
    const weights = { nllWeight: 1, maeWeight: 0.5, tvWeight: 0.01, realspaceWeight: 2 };
    const t = tf.tidy(() => {
      const s4 = (a: Float32Array, c = C) => tf.tensor4d(a, [B, N, N, c]);
      const outputs = { intensity: s4(I), amplitude: s4(amp), object: { re: s4(ore!, 1), im: s4(oim!, 1) }, patches: { re: s4(pre!), im: s4(pim!) } };
      const L = trainingLoss(outputs, s4(x), weights, { re: s4(yre!), im: s4(yim!) });
      const noY = trainingLoss(outputs, s4(x), RUN_CONFIG_DEFAULTS);
      return tf.stack([L.total, L.nll, L.mae, L.tv, L.realspace, noY.total, noY.realspace]);
    });
    const [total, nll, mae, tv, rs, defTotal, defRs] = Array.from(await t.data());
    t.dispose();
    // float32 means of ~500 terms: relative error ~1e-6; 1e-5 gives margin.
    expectClose([nll!, mae!, tv!, rs!], [ref.nll, ref.mae, ref.tv, ref.realspace], { rtol: 1e-5, label: 'terms' });
    expectClose(total!, ref.nll + 0.5 * ref.mae + 0.01 * ref.tv + 2 * ref.realspace, { rtol: 1e-5, label: 'weighted total' });
    // Defaults (SPEC §3: w_nll 1, others 0): the total is the NLL alone; no Y → real-space term 0.
    expectClose(defTotal!, ref.nll, { rtol: 1e-5, label: 'default total' });
    expect(defRs).toBe(0);
  });
}, ['cpu', 'wasm']);
