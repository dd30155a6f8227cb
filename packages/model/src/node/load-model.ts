import { loadInferenceModel } from '../model/load-inference-model.js';
import type { InferenceModel } from '../model/ptycho-model.js';
import { fileModelHandler } from './file-model-handler.js';

/**
 * Load a model saved by {@link saveModel} from `dir` for inference (`predictObject`).
 * @throws InputError when `model.json`, a shard or the ptychojs metadata is missing or wrong
 */
export async function loadModel(dir: string): Promise<InferenceModel> {
  return loadInferenceModel(fileModelHandler(dir));
}
