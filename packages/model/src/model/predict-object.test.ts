import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { useBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups } from '../__fixtures__/simulate-groups.js';
import { createPtychoModel } from './create-ptycho-model.js';
import { predictObject, ReconstructionBoundsError } from './predict-object.js';

// A kernel that computes wrong values must never reach a user silently (issue 7): predictObject
// checks each batch (amplitudes finite and ≥ 0, |object| ≤ max amplitude) and names the batch.
let stock: tf.KernelConfig;
beforeAll(async () => {
  await useBackend('cpu');
  stock = tf.getKernel('CropAndResize', 'cpu')!;
});
afterEach(() => {
  tf.unregisterKernel('CropAndResize', 'cpu');
  tf.registerKernel(stock);
});

/** Replace cpu's CropAndResize by one that, from its `from`-th call on, drops the last channel (the overlap-count plane of reassemble), as wasm's misreads did. */
function breakCropAndResize(from: number): void {
  let calls = 0;
  tf.unregisterKernel('CropAndResize', 'cpu');
  tf.registerKernel({
    ...stock,
    kernelFunc: (args) => {
      const out = stock.kernelFunc(args) as tf.TensorInfo;
      if (calls++ < from || out.shape[3] !== 3) return out;
      const vals = (args.backend as unknown as { data: { get(id: object): { values: Float32Array } } }).data.get(out.dataId).values;
      for (let k = 2; k < vals.length; k += 3) vals[k] = 0;
      return out;
    },
  });
}

it('predictObject stops with ReconstructionBoundsError naming the batch when reassembly goes wrong', async () => {
  const sim = simulateGroups({ B: 6, seed: 3 });
  const model = createPtychoModel(resolvedConfig({ nFiltersScale: 0.125, seed: 1 }), { N: 64, probe: sim.probe, intensityScale: sim.intensityScale, canvasSize: sim.canvasSize! });
  try {
    const good = await predictObject(model, sim.X, sim.coordsRelative, { batchSize: 2 });
    expect(good.re.length).toBe(6 * 64 * 64);
    breakCropAndResize(1); // the first batch's reassembly is right, the second's is not
    const err = await predictObject(model, sim.X, sim.coordsRelative, { batchSize: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconstructionBoundsError);
    expect((err as Error).message).toMatch(/^batch 1 \(groups 2–3\): the reconstructed object reaches \|O\| = [\d.e+]+, above the largest predicted patch amplitude/);
  } finally {
    model.dispose();
  }
});
