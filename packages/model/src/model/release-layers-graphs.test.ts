// tfjs-layers keeps the graph of every model it ran in an LRU cache of 100 topological sorts, so a
// disposed model stays reachable (issue 19's pretraining soak: ≈ 200 KB of heap an epoch, one
// held-out model built and disposed per epoch). Checked with a WeakRef and a forced GC.
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { releaseLayersGraphs } from './release-layers-graphs.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Build a small model, run it once, dispose it; a WeakRef to its layer (what the cache holds on to). */
function runAndDispose(): WeakRef<object> {
  const input = tfl.input({ shape: [4] });
  const dense = tfl.layers.dense({ units: 2 });
  const model = tfl.model({ inputs: input, outputs: dense.apply(input) as tfl.SymbolicTensor });
  tf.tidy(() => (model.predict(tf.ones([1, 4])) as tf.Tensor).dataSync());
  model.dispose();
  return new WeakRef(dense);
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  await new Promise((r) => setTimeout(r, 0)); // WeakRefs hold for the rest of the current job
  gc();
  return ref.deref() === undefined;
}

describeEachBackend('releaseLayersGraphs', () => {
  it('a disposed model stays reachable through tfjs-layers\' cache until the cache lets go', async () => {
    const kept = runAndDispose();
    expect(await collected(kept)).toBe(false);
    releaseLayersGraphs();
    expect(await collected(kept)).toBe(true);
    expect(tf.env().getNumber('TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES')).toBe(100); // the cache size is restored
  });
}, ['cpu']);
