import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { InputError } from '@ptychojs/io';
import { describeEachBackend } from '@ptychojs/physics/testing';
import { resolvedConfig } from '../__fixtures__/resolved-config.js';
import { simulateGroups, type SimulatedGroups } from '../__fixtures__/simulate-groups.js';
import { predictObject } from '../model/predict-object.js';
import { train } from '../train/train.js';
import type { Checkpoint, EpochRecord } from '../train/types.js';
import { fileCheckpointStore, fileModelHandler, loadModel, saveModel } from '../node.js';

const tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'ptychojs-model-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Layer classes tfjs-layers registers itself: what `tf.loadLayersModel` in a browser can read with no custom layer. */
const STANDARD = new Set(['InputLayer', 'Conv2D', 'MaxPooling2D', 'UpSampling2D', 'ZeroPadding2D', 'Rescaling']);

describeEachBackend('model files', () => {
  const config = resolvedConfig({ nFiltersScale: 0.25, batchSize: 4, epochs: 2, validationFraction: 0.25, seed: 3 });
  let data: SimulatedGroups;
  beforeAll(() => { data = simulateGroups({ B: 8, seed: 12 }); });

  it('saveModel → loadModel gives identical predictions, in standard-layer model.json + shards', async () => {
    const { model } = await train(resolvedConfig({ ...config, epochs: 1 }), data);
    const dir = nodePath.join(tmp, 'run', 'model');
    await saveModel(dir, model, { shardBytes: 64 * 1024 });
    const files = fs.readdirSync(dir).sort();
    const shards = files.filter((f) => f.startsWith('group1-shard'));
    expect(files).toEqual([...shards, 'model.json']);
    expect(shards.length).toBeGreaterThan(1); // ~150 kB of weights in 64 kB shards
    const json = JSON.parse(fs.readFileSync(nodePath.join(dir, 'model.json'), 'utf8')) as {
      modelTopology: { class_name: string; config: { layers: { class_name: string }[] } };
      userDefinedMetadata: { ptychojs: Record<string, unknown> };
    };
    const classes = new Set(json.modelTopology.config.layers.map((l) => l.class_name));
    expect([...classes].filter((c) => !STANDARD.has(c))).toEqual([]);
    expect(json.userDefinedMetadata.ptychojs).toMatchObject({ format: 'ptychojs-model', N: 64, gridsize: 2, C: 4, objectBig: true, canvasSize: data.canvasSize, intensityScale: data.intensityScale });

    const loaded = await loadModel(dir);
    const a = await predictObject(model, data.X, data.coordsRelative);
    const b = await predictObject(loaded, data.X, data.coordsRelative);
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    expect(Array.from(b.im)).toEqual(Array.from(a.im));
    // Plain tfjs-layers loading (what the web viewer does) reads the same U-Net.
    const plain = await tfl.loadLayersModel(fileModelHandler(dir));
    expect(plain.countParams()).toBe(model.unet.countParams());
    plain.dispose();

    // A smaller model saved over it leaves no stale shard behind.
    await saveModel(dir, model, { shardBytes: 1 << 30 });
    expect(fs.readdirSync(dir).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    model.dispose();
    loaded.dispose();
  });

  it('a model with the physics-informed input (inputIterations 2) saves and loads with identical predictions', async () => {
    const { model } = await train(resolvedConfig({ ...config, epochs: 1, inputIterations: 2 }), data);
    expect(model.unet.inputs[0]!.shape[3]).toBe(3 * model.C); // X and the estimate's real and imaginary parts
    const dir = nodePath.join(tmp, 'run-input', 'model');
    await saveModel(dir, model);
    const loaded = await loadModel(dir);
    expect(loaded.input?.iterations).toBe(2);
    const a = await predictObject(model, data.X, data.coordsRelative);
    const b = await predictObject(loaded, data.X, data.coordsRelative);
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    expect(Array.from(b.im)).toEqual(Array.from(a.im));
    model.dispose();
    loaded.dispose();
  });

  it('a file checkpoint resumes to the same result as an uninterrupted run', async () => {
    const dir = nodePath.join(tmp, 'ckpt', 'checkpoint');
    const store = fileCheckpointStore(dir);
    expect(await store.loadCheckpoint()).toBeUndefined();
    const first = await train(resolvedConfig({ ...config, epochs: 1 }), data, { store });
    first.model.dispose();
    expect(fs.readdirSync(dir).sort()).toEqual(['checkpoint.json', 'group1-shard1of1.bin', 'model.json', 'optimizer.bin', 'probe.bin']);
    expect(fs.existsSync(`${dir}.tmp`) || fs.existsSync(`${dir}.old`)).toBe(false);
    const ck = await store.loadCheckpoint();
    expect(ck?.epoch).toBe(1);
    const resumed = await train(config, data, { resume: ck });
    const full = await train(config, data);
    const strip = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, samplesPerSec: _p, ...rest }) => rest);
    expect(strip(resumed.history)).toEqual(strip(full.history));
    const a = await predictObject(full.model, data.X, data.coordsRelative);
    const b = await predictObject(resumed.model, data.X, data.coordsRelative);
    expect(Array.from(b.re)).toEqual(Array.from(a.re));
    full.model.dispose();
    resumed.model.dispose();
    expect((await store.loadCheckpoint())?.epoch).toBe(1); // the resumed run had no store
  });

  it('fileCheckpointStore keeps a mid-epoch checkpoint (the step reached and its running sums)', async () => {
    const store = fileCheckpointStore(nodePath.join(tmp, 'mid', 'checkpoint'));
    const abort = new AbortController();
    const saved: Checkpoint[] = [];
    const r = await train(config, data, {
      signal: abort.signal, onBatch: () => abort.abort(),
      store: { saveCheckpoint: async (c) => { saved.push(c); await store.saveCheckpoint(c); } },
    });
    r.model.dispose();
    const ck = await store.loadCheckpoint();
    expect(ck?.step).toEqual(saved[0]!.step);
    expect(ck?.step?.batch).toBe(1);
    expect(ck?.epoch).toBe(0);
  });

  it('reports a missing model.json or weight shard as InputError naming the file', async () => {
    const dir = nodePath.join(tmp, 'broken');
    await expect(loadModel(dir)).rejects.toThrow(InputError);
    const { model } = await train(resolvedConfig({ ...config, epochs: 1 }), data);
    await saveModel(dir, model);
    model.dispose();
    fs.rmSync(nodePath.join(dir, 'group1-shard1of1.bin'));
    const err = await loadModel(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe(nodePath.join(dir, 'group1-shard1of1.bin'));
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });
}, ['wasm']);
