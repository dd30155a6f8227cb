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

  it('with a bad-pixel mask: a masked pixel changes neither the loss (NLL + MAE) nor its gradient with respect to the outputs', async () => {
    const I = randomUniformArray(11, n, 0.1, 50), x = randomUniformArray(12, n, 0, 7), amp = randomUniformArray(13, n, 0, 7);
    const [ore, oim] = randomNormalArrays(14, [B * N * N, B * N * N]);
    const bad = [9, 10, 33]; // pixels (i·N + j) of every pattern and channel
    const isBad = (k: number) => bad.includes(Math.floor(k / C) % (N * N));
    const weights = { nllWeight: 1, maeWeight: 0.5, tvWeight: 0, realspaceWeight: 0 };
    const measured = tf.tensor4d(Float32Array.from({ length: N * N }, (_, p) => (bad.includes(p) ? 0 : 1)), [1, N, N, 1]);
    const run = async (i: Float32Array, xs: Float32Array, a: Float32Array) => {
      const s4 = (v: Float32Array, c = C) => tf.tensor4d(v, [B, N, N, c]);
      const [it, at, xt] = [s4(i), s4(a), s4(xs)];
      const obj = { re: s4(ore!, 1), im: s4(oim!, 1) }, patches = { re: s4(new Float32Array(n)), im: s4(new Float32Array(n)) };
      const f = (ii: tf.Tensor, aa: tf.Tensor) => trainingLoss({ intensity: ii as tf.Tensor4D, amplitude: aa as tf.Tensor4D, object: obj, patches }, xt, weights, undefined, measured).total;
      const { value, grads } = tf.valueAndGrads(f)([it, at]);
      const out = { loss: (await value.data())[0]!, dI: await grads[0]!.data(), dA: await grads[1]!.data() };
      tf.dispose([it, at, xt, obj.re, obj.im, patches.re, patches.im, value, ...grads]);
      return out;
    };
    const clean = await run(I, x, amp);
    // Float64 reference over the measured pixels only: NLL and MAE means per pattern-channel set.
    let nll = 0, mae = 0;
    const keep = n - B * C * bad.length;
    for (let k = 0; k < n; k++) if (!isBad(k)) { nll += I[k]! - x[k]! ** 2 * Math.log(I[k]!); mae += Math.abs(x[k]! - amp[k]!); }
    expectClose(clean.loss, nll / keep + 0.5 * mae / keep, { rtol: 1e-5, label: 'masked loss' });
    // A detector gap: 65535 in the data, garbage (NaN, huge) in the predictions there.
    const [I2, x2, a2] = [I.slice(), x.slice(), amp.slice()];
    for (let k = 0; k < n; k++) if (isBad(k)) { I2[k] = k % 2 ? NaN : 1e9; x2[k] = 65535; a2[k] = -3; }
    const dirty = await run(I2, x2, a2);
    expect(dirty.loss).toBe(clean.loss);
    expect(Array.from(dirty.dI)).toEqual(Array.from(clean.dI));
    expect(Array.from(dirty.dA)).toEqual(Array.from(clean.dA));
    for (let k = 0; k < n; k++) if (isBad(k)) { expect(clean.dI[k]).toBe(0); expect(clean.dA[k]).toBe(0); }
    measured.dispose();
  });
}, ['cpu', 'wasm']);
