import { beforeAll, describe, expect, it } from 'vitest';
import { registerKernelFills } from '@ptychojs/physics/kernels';
import { expectClose, initBackend, maxAbs, withBackend, type TestBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups } from '../__fixtures__/simulate-groups.js';
import { trainingStepValues } from '../__fixtures__/training-step-values.js';
import { createPtychoModel } from './create-ptycho-model.js';
import { predictObject } from './predict-object.js';

// Issue 10: the WebGPU path (`--backend webgpu`: tfjs-backend-webgpu on Dawn, the `webgpu`
// package) runs the same model and physics as the other backends, with async reads only. In CI it
// runs on Mesa's software Vulkan (lavapipe ≥ 25, installed by .ci/run from bookworm-backports);
// where no adapter can be had, the suite is a named skip. Tiny shapes: lavapipe is ~10–15× slower
// than wasm (notes/tfjs-lab.md §4). The same comparison as backends-agree.test.ts, against cpu.

/** Why WebGPU cannot run here, or undefined when it can (an adapter was found and the backend set). */
async function webgpuSkipReason(): Promise<string | undefined> {
  try {
    await initBackend('webgpu');
    await withBackend('webgpu', () => undefined);
    return undefined;
  } catch (e) {
    return String((e as Error)?.message ?? e).split('\n')[0];
  }
}
const skipReason = await webgpuSkipReason();

const N = 64;

describe.skipIf(skipReason !== undefined)(`WebGPU (Dawn) agrees with cpu on the model and physics${skipReason ? ` (skipped: ${skipReason})` : ''}`, { tags: ['slow'] }, () => {
  let sim: ReturnType<typeof simulateGroups>;
  let S: number;
  beforeAll(async () => {
    await initBackend('cpu');
    registerKernelFills('cpu', { cpuConvBackpropFilter: true });
    sim = await withBackend('cpu', () => simulateGroups({ B: 4, spacing: 30, seed: 21 }));
    S = sim.canvasSize!;
  });

  /** The same seeded narrow U-Net (f = 0.0625, gridsize 2, full-field head) on the active backend. */
  const model = () => createPtychoModel(resolvedConfig({ gridsize: 2, nFiltersScale: 0.0625, objectExtent: 'full', seed: 9 }), { N, probe: sim.probe, intensityScale: sim.intensityScale, canvasSize: S });

  it('predictObject (4 groups of 4, batches of 2) equals cpu within float32 tolerance', async () => {
    const run = (name: TestBackend) => withBackend(name, async () => {
      const m = model();
      try {
        return await predictObject(m, sim.X, sim.coordsRelative, { batchSize: 2 });
      } finally {
        m.dispose();
      }
    });
    const ref = await run('cpu');
    const got = await run('webgpu');
    // Same tolerance as backends-agree.test.ts: float32 convolutions in another order, ~1e−6 of
    // |object|; a wrong kernel is O(1).
    const scale = Math.max(maxAbs(ref.re), maxAbs(ref.im));
    expect(scale).toBeGreaterThan(0.1);
    expectClose(got.re, ref.re, { rtol: 0, atol: 1e-5 * scale, label: 'webgpu vs cpu: object re' });
    expectClose(got.im, ref.im, { rtol: 0, atol: 1e-5 * scale, label: 'webgpu vs cpu: object im' });
  });

  it('a training step (batch 2): loss and the gradient of every variable equal cpu', async () => {
    const B = 2, C = 4;
    const x = sim.X.subarray(0, B * N * N * C);
    const coords = Array.from(sim.coordsRelative.subarray(0, B * 2 * C));
    const run = (name: TestBackend) => withBackend(name, async () => {
      const m = model();
      try {
        return await trainingStepValues(m, x, coords, [B, N, N, C], sim.intensityScale);
      } finally {
        m.dispose();
      }
    });
    const ref = await run('cpu');
    const got = await run('webgpu');
    expect(ref.length).toBeGreaterThan(20);
    // Tolerances of backends-agree.test.ts (justified there): loss 1e−4 relative, each gradient
    // 1e−4 of its largest entry.
    expectClose(got[0]!, ref[0]!, { rtol: 1e-4, atol: 0, label: 'webgpu vs cpu: loss' });
    for (let j = 1; j < ref.length; j++) expectClose(got[j]!, ref[j]!, { rtol: 0, atol: 1e-4 * maxAbs(ref[j]!), label: `webgpu vs cpu: gradient ${j - 1}` });
  }, 120_000);
});
