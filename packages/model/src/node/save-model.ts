import { unetArtifacts } from '../model/model-artifacts.js';
import { modelMetadata } from '../model/model-metadata.js';
import type { InferenceModel } from '../model/ptycho-model.js';
import { fileModelHandler, type FileModelHandlerOptions } from './file-model-handler.js';

/**
 * Save a model for inference into `dir` (a run's `model/`, SPEC §3 "Run directory"): `model.json`
 * (U-Net topology of standard layers, weight manifest, and `userDefinedMetadata.ptychojs` with N,
 * gridsize, object.big, canvas side and s) plus weight shards, each written atomically. Loads in a
 * browser with `tf.loadLayersModel` and in Node with {@link loadModel}.
 */
export async function saveModel(dir: string, model: InferenceModel, options: FileModelHandlerOptions = {}): Promise<void> {
  const meta = await modelMetadata(model);
  const artifacts = await unetArtifacts(model.unet, { ptychojs: meta });
  await fileModelHandler(dir, options).save(artifacts);
}
