import path from 'node:path';
import { type RawData, type Reconstruction, scanDataFromRaw } from '@ptychojs/io';
import { loadModel } from '@ptychojs/model/node';
import type { InferenceModel } from '@ptychojs/model';
import { rawSubset } from '../reconstruct/raw-subset.js';
import { reconstructWithModel } from '../reconstruct/reconstruct-with-model.js';
import type { ReconstructSubset } from '../reconstruct/self-consistency.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** A network's half-scan reconstructor ({@link modelSubsetReconstructor}). */
export interface ModelSubsetReconstructor {
  readonly reconstructSubset: ReconstructSubset;
  /** How each half is reconstructed, in words. */
  readonly label: string;
  /** Free the model (call once done). */
  close(): Promise<void>;
}

/**
 * The half-scan FRC's reconstructor for a trained network (issue 17): inference with the run's
 * model and grouping (`reconstructWithModel`, the path of `ptycho infer`) on the subset's
 * positions and patterns — the same model, no retraining. The model is loaded on first use in
 * this thread; each half's result is kept, so a method that starts from the network's half
 * (the refinement) reuses it.
 */
export function modelSubsetReconstructor(runDir: string, raw: RawData, opts: { readonly batchSize: number }): ModelSubsetReconstructor {
  const rc = readRunDirConfig(runDir);
  let model: Promise<InferenceModel> | undefined;
  const done = new Map<string, Promise<Reconstruction>>();
  const reconstructSubset: ReconstructSubset = (indices, half) => {
    const key = `${half}:${Array.from(indices).join(',')}`;
    let r = done.get(key);
    if (!r) {
      model ??= loadModel(path.join(runDir, RUN_FILES.model));
      r = model.then(async (m) => (await reconstructWithModel(m, rc, scanDataFromRaw(rawSubset(raw, indices, `half ${half + 1}`)), { batchSize: opts.batchSize })).reconstruction);
      done.set(key, r);
    }
    return r;
  };
  return {
    reconstructSubset,
    label: `inference with the same trained model (${path.join(runDir, RUN_FILES.model)}), gridsize ${rc.config.gridsize}`,
    close: async () => { if (model) (await model).dispose(); },
  };
}
