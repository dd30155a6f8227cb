import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { groupEstimate, intensityScale, singlePatternEstimate } from '@ptychojs/physics';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups } from '../__fixtures__/simulate-groups.js';
import { createPtychoModel } from './create-ptycho-model.js';
import { loadInferenceModel } from './load-inference-model.js';
import { modelMetadata } from './model-metadata.js';
import { unetArtifacts } from './model-artifacts.js';
import { objectPatches } from './object-canvas.js';
import { predictObject } from './predict-object.js';

async function maxDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [x, y] = await Promise.all([a.data(), b.data()]);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]! - y[i]!));
  return m;
}

describeEachBackend('the physics-informed input (issue 15)', () => {
  it.each([1, 2])('an untrained network returns the estimate itself (gridsize %i)', async (gridsize) => {
    const d = simulateGroups({ B: 3, gridsize, seed: 4 });
    const config = resolvedConfig({ gridsize, nFiltersScale: 0.125, inputIterations: 3, objectExtent: 'full', seed: 1 });
    const model = createPtychoModel(config, { N: d.N, probe: d.probe, intensityScale: d.intensityScale, canvasSize: d.canvasSize! });
    expect(model.heads.residual).toBe(true);
    // The U-Net sees X and the estimate: 3C input channels.
    expect(model.unet.inputs[0]!.shape[3]).toBe(3 * gridsize * gridsize);
    const C = gridsize * gridsize;
    const xScaled = tf.mul(tf.tensor4d(d.X, [3, d.N, d.N, C]), d.intensityScale) as tf.Tensor4D;
    const out = objectPatches(model, xScaled, d.coordsRelative);
    // The estimate of the very input the U-Net sees (X·s ÷ s: the estimate's iterations amplify
    // even a last-bit difference of X near phase vortices of the far field, ~1e-2 after 3 steps).
    const x = intensityScale(xScaled, tf.exp(model.logScale) as tf.Scalar);
    const est = C === 1 ? singlePatternEstimate(x, model.probe, 3) : groupEstimate(x, model.probe, 3, { coordsRelative: d.coordsRelative, canvasSize: model.canvasSize });
    // Zero kernels and biases: exp(0 + i·0) = 1 exactly, so the patches are the estimate.
    expect(await maxDiff(out.patches.re, est.re)).toBe(0);
    expect(await maxDiff(out.patches.im, est.im)).toBe(0);
    tf.dispose([xScaled, x, out.amplitude, out.patches.re, out.patches.im, est.re, est.im]);
    model.dispose();
  });

  it('saves the iterations and the model probe in model.json: the loaded model predicts the same', async () => {
    const d = simulateGroups({ B: 2, gridsize: 1, seed: 5 });
    const config = resolvedConfig({ gridsize: 1, nFiltersScale: 0.125, inputIterations: 2, objectExtent: 'full', seed: 2 });
    const model = createPtychoModel(config, { N: d.N, probe: d.probe, intensityScale: d.intensityScale, canvasSize: d.canvasSize! });
    // Move the corrections off zero so the check sees the U-Net too.
    tf.tidy(() => { for (const v of model.trainableVariables) v.assign(tf.add(v, tf.mul(tf.randomNormal(v.shape, 0, 1, 'float32', 7), 0.01))); });
    const artifacts = await unetArtifacts(model.unet, { ptychojs: await modelMetadata(model) });
    const loaded = await loadInferenceModel(artifacts);
    expect(loaded.input?.iterations).toBe(2);
    const [a, b] = [await predictObject(model, d.X, d.coordsRelative), await predictObject(loaded, d.X, d.coordsRelative)];
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    expect(Array.from(b.im)).toEqual(Array.from(a.im));
    model.dispose();
    loaded.dispose();
  });
}, ['wasm']);
