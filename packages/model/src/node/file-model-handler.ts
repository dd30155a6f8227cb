import fs from 'node:fs/promises';
import nodePath from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '@ptychojs/io';
import { writeFileAtomic } from '@ptychojs/io/node';
import { modelArtifactsFromJson } from '../model/model-artifacts-from-json.js';

export interface FileModelHandlerOptions {
  /** Largest weight shard in bytes; default 4 MiB, as tfjs's browser and converter outputs. */
  readonly shardBytes?: number;
}

/** A tfjs IO handler that can both save and load. */
export type FileModelHandler = tf.io.IOHandler & Required<Pick<tf.io.IOHandler, 'save' | 'load'>>;

const SHARD = /^group1-shard\d+of\d+\.bin$/;

/**
 * A tfjs IO handler on a directory (Node): `save` writes `model.json` and weight shards
 * `group1-shardKofN.bin` (the layout `tf.loadLayersModel` reads over HTTP in a browser), each
 * atomically (temp + rename), `model.json` last, then removes shards of an earlier save that the
 * new `model.json` no longer lists; `load` reads them back.
 *
 * @example await unet.save(fileModelHandler('run/model')); await tf.loadLayersModel(fileModelHandler('run/model'));
 */
export function fileModelHandler(dir: string, options: FileModelHandlerOptions = {}): FileModelHandler {
  const shardBytes = options.shardBytes ?? 4 * 1024 * 1024;
  const modelJsonPath = nodePath.join(dir, 'model.json');
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) throw new Error('fileModelHandler: binary (graph-model) topologies are not supported');
      await fs.mkdir(dir, { recursive: true });
      const data = new Uint8Array(artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const n = Math.max(1, Math.ceil(data.byteLength / shardBytes));
      const paths = Array.from({ length: n }, (_, i) => `group1-shard${i + 1}of${n}.bin`);
      paths.forEach((p, i) => writeFileAtomic(nodePath.join(dir, p), data.subarray(i * shardBytes, Math.min((i + 1) * shardBytes, data.byteLength))));
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers`,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.signature ? { signature: artifacts.signature } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      writeFileAtomic(modelJsonPath, JSON.stringify(modelJson));
      const keep = new Set(paths);
      for (const f of await fs.readdir(dir)) {
        if (SHARD.test(f) && !keep.has(f)) await fs.rm(nodePath.join(dir, f), { force: true });
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      let text: string;
      try {
        text = await fs.readFile(modelJsonPath, 'utf8');
      } catch (e) {
        throw new InputError('cannot read the saved model', { file: modelJsonPath, expected: 'model.json written by saveModel', actual: (e as Error).message.split('\n')[0] });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new InputError('model.json is not valid JSON', { file: modelJsonPath, expected: 'JSON', actual: (e as Error).message });
      }
      return modelArtifactsFromJson(json, modelJsonPath, async (p) => {
        const file = nodePath.join(dir, p);
        try {
          return await fs.readFile(file);
        } catch (e) {
          throw new InputError('a weight shard listed in model.json is missing', { file, key: 'weightsManifest', expected: 'the shard file', actual: (e as Error).message.split('\n')[0] });
        }
      });
    },
  };
}
