import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { trim } from '@ptychojs/physics';
import {
  describeEachBackend, expectClose, extractPatchesReference, maxAbs, padAndDiffractReference, randomNormalArrays, randomUniformArray, reassembleReference,
} from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups } from '../__fixtures__/simulate-groups.js';
import { createPtychoModel } from './create-ptycho-model.js';
import { forwardTrain } from './forward-train.js';
import { objectCanvas } from './object-canvas.js';
import { objectCanvasSize } from './object-canvas-size.js';
import { predictObject } from './predict-object.js';

const N = 64;
const B = 2;

/** Float64 composition of SPEC §3's graph from the U-Net's own outputs, with the physics oracles. */
function referenceForward(amp: Float32Array, phase: Float32Array, C: number, coords: Float64Array, S: number, probe: { re: Float32Array; im: Float32Array }, s: number, objectBig: boolean) {
  const pre = Float64Array.from(amp, (a, k) => a * Math.cos(phase[k]!));
  const pim = Float64Array.from(amp, (a, k) => a * Math.sin(phase[k]!));
  const o = (S - N) / 2;
  const pad = (p: Float64Array) => {
    const out = new Float64Array(B * S * S);
    for (let b = 0; b < B; b++) for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) out[(b * S + i + o) * S + j + o] = p[(b * N + i) * N + j]!;
    return out;
  };
  const canvas = (p: Float64Array) => (objectBig && C > 1 ? reassembleReference(p, B, N, C, coords, S) : pad(p));
  const [cre, cim] = [canvas(pre), canvas(pim)];
  const trimmed = (c: Float64Array) => {
    const out = new Float64Array(B * N * N);
    for (let b = 0; b < B; b++) for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) out[(b * N + i) * N + j] = c[(b * S + i + o) * S + j + o]!;
    return out;
  };
  const xre = extractPatchesReference(cre, B, S, coords, C, N);
  const xim = extractPatchesReference(cim, B, S, coords, C, N);
  const wre = new Float64Array(xre.length), wim = new Float64Array(xre.length);
  for (let k = 0; k < xre.length; k++) {
    const q = Math.floor(k / C) % (N * N); // pixel index of (b, i, j, c)
    wre[k] = xre[k]! * probe.re[q]! - xim[k]! * probe.im[q]!;
    wim[k] = xre[k]! * probe.im[q]! + xim[k]! * probe.re[q]!;
  }
  const A = padAndDiffractReference(wre, wim, B, N, C).map((a) => a * s);
  return { objectRe: trimmed(cre), objectIm: trimmed(cim), amplitude: A, intensity: A.map((a) => a * a) };
}

describeEachBackend('forwardTrain', () => {
  for (const [gridsize, objectBig] of [[2, true], [2, false], [1, true]] as const) {
    it(`matches a float64 composition of the SPEC §3 graph (gridsize ${gridsize}, object.big ${objectBig})`, async () => {
      const C = gridsize * gridsize;
      const sim = simulateGroups({ B, gridsize, seed: 11 });
      const [pr, pi] = randomNormalArrays(2, [N * N, N * N]);
      const probe = { shape: [N, N], re: pr!, im: pi! };
      const s = 37.5;
      const S = objectCanvasSize(N, sim.coordsRelative);
      const model = createPtychoModel(resolvedConfig({ gridsize, objectBig, nFiltersScale: 0.25, seed: 5 }, probe), { N, probe, intensityScale: s, canvasSize: S });
      const x = randomUniformArray(3, B * N * N * C, 0, 2);
      const before = tf.memory().numTensors;
      const got = tf.tidy(() => {
        const xScaled = tf.mul(tf.tensor4d(x, [B, N, N, C]), s) as tf.Tensor4D;
        const out = forwardTrain(model, { xScaled, coordsRelative: sim.coordsRelative });
        const [amp, phase] = model.unet.predict(tf.tensor4d(x, [B, N, N, C])) as tf.Tensor[];
        expect(out.object.re.shape).toEqual([B, N, N, 1]);
        expect(out.amplitude.shape).toEqual([B, N, N, C]);
        expect(out.intensity.shape).toEqual([B, N, N, C]);
        expect(out.patches.re.shape).toEqual([B, N, N, C]);
        expect(amp!.shape).toEqual([B, N, N, objectBig ? C : 1]);
        return [out.object.re, out.object.im, out.amplitude, out.intensity, amp!, phase!];
      });
      const [ore, oim, A, I, amp, phase] = await Promise.all(got.map(async (t) => { const d = (await t.data()) as Float32Array; t.dispose(); return d; }));
      expect(tf.memory().numTensors).toBe(before);
      const ref = referenceForward(amp!, phase!, C, sim.coordsRelative, S, probe, s, objectBig);
      // Float32 DFT sums over 4096 terms and bilinear weights: errors ~1e-6 of the largest value;
      // 1e-5·max leaves room and still catches any wrong op (sign, shift, scale: O(1) errors).
      // Errors scale with |object|, not with one of its parts (an untrained linear phase head
      // gives phases near 0, so the imaginary part alone can be 100× smaller than |O|).
      const objectScale = Math.max(maxAbs(ref.objectRe), maxAbs(ref.objectIm));
      expectClose(ore!, ref.objectRe, { atol: 1e-5 * objectScale, label: 'object re' });
      expectClose(oim!, ref.objectIm, { atol: 1e-5 * objectScale, label: 'object im' });
      expectClose(A!, ref.amplitude, { atol: 1e-5 * maxAbs(ref.amplitude), label: 'amplitude' });
      expectClose(I!, ref.intensity, { atol: 2e-5 * maxAbs(ref.intensity), label: 'intensity' });
      model.dispose();
    });
  }

  it('gives the same object in inference (the canvas trimmed to N×N, predictObject) as in training', async () => {
    const config = resolvedConfig({ nFiltersScale: 0.25, seed: 2 });
    const sim = simulateGroups({ B: 3, seed: 4 });
    const model = createPtychoModel(config, { N, probe: sim.probe, intensityScale: sim.intensityScale, canvasSize: sim.canvasSize! });
    const [tre, ire] = tf.tidy(() => {
      const xScaled = tf.mul(tf.tensor4d(sim.X, [3, N, N, 4]), sim.intensityScale) as tf.Tensor4D;
      const train = forwardTrain(model, { xScaled, coordsRelative: sim.coordsRelative }).object;
      const infer = trim(objectCanvas(model, xScaled, sim.coordsRelative), N);
      return [tf.concat([train.re, train.im]), tf.concat([infer.re, infer.im])];
    });
    const a = (await tre!.data()) as Float32Array, b = (await ire!.data()) as Float32Array;
    tf.dispose([tre!, ire!]);
    expect(Array.from(b)).toEqual(Array.from(a));
    // Batched prediction (batch 2 over 3 groups) gives the same values as one pass.
    const p = await predictObject(model, sim.X, sim.coordsRelative, { batchSize: 2 });
    expect(p.shape).toEqual([3, N, N, 1]);
    expectClose(p.re, a.subarray(0, 3 * N * N), { rtol: 1e-6, atol: 1e-7, label: 'predictObject re' });
    expectClose(p.im, a.subarray(3 * N * N), { rtol: 1e-6, atol: 1e-7, label: 'predictObject im' });
    model.dispose();
  });
}, ['cpu', 'wasm']);
