import { InputError, type RawData } from '@ptychojs/io';
import { predictObject, type InferenceModel } from '@ptychojs/model';
import { reconstructScan, type ReconstructResult } from './reconstruct-scan.js';
import type { RunDirConfig } from './run-dir-config.js';

/** Options of {@link reconstructWithModel}. */
export interface ReconstructWithModelOptions {
  /** Groups per forward pass (bounds memory). */
  readonly batchSize: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A trained model + its run's `config.json` + a scan → the stitched reconstruction: the scan's N
 * checked against the model's, then {@link reconstructScan} with the run's grouping (gridsize, K,
 * seed) and {@link predictObject} as the predictor. The one inference path of `ptycho infer` (via
 * `inferToDir`) and the web app's worker, so both give the same reconstruction.
 *
 * @throws InputError when the scan's pattern size differs from the model's
 */
export async function reconstructWithModel(model: InferenceModel, rc: RunDirConfig, raw: RawData, opts: ReconstructWithModelOptions): Promise<ReconstructResult> {
  if (raw.N !== rc.N) {
    throw new InputError('pattern size differs from the one the model was trained on', { file: raw.source, key: 'diff3d', expected: `(M, ${rc.N}, ${rc.N})`, actual: `(${raw.M}, ${raw.N}, ${raw.N})` });
  }
  return reconstructScan(raw, async (batch) => {
    const o = await predictObject(model, batch.X, batch.coordsRelative, { batchSize: opts.batchSize });
    return { re: o.re, im: o.im };
  }, {
    grouping: { gridsize: rc.gridsize, K: rc.K, seed: rc.config.seed },
    batchSize: opts.batchSize,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}
