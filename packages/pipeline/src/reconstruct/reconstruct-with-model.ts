import { InputError, type ScanData } from '@ptychojs/io';
import { predictObject, type InferenceModel } from '@ptychojs/model';
import { reconstructScan, type PredictBatch, type ReconstructResult } from './reconstruct-scan.js';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';

/** Options of {@link reconstructWithModel}. */
export interface ReconstructWithModelOptions {
  /** Groups per forward pass (bounds memory). */
  readonly batchSize: number;
  /** Batches predicted at once (a pool of inference workers); stitched in scan order, so the result does not depend on it. Default 1. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Bytes of frames the batches' cache may hold (see `reconstructScan`). */
  readonly cacheBytes?: number;
}

/**
 * A trained model + its run's `config.json` + a scan → the stitched reconstruction: the scan's N
 * checked against the model's, then {@link reconstructScan} with the run's grouping (gridsize, K,
 * seed) and {@link predictObject} as the predictor (or `model` itself when it is a predictor, such
 * as a pool of inference workers). The one inference path of `ptycho infer` (via `inferToDir`) and
 * the web app's worker, so both give the same reconstruction.
 *
 * @throws InputError when the scan's pattern size differs from the model's
 */
export async function reconstructWithModel(model: InferenceModel | PredictBatch, rc: RunDirConfig, raw: ScanData, opts: ReconstructWithModelOptions): Promise<ReconstructResult> {
  checkPatternSize(rc, raw);
  const predict: PredictBatch = typeof model === 'function' ? model : async (batch) => {
    const o = await predictObject(model, batch.X, batch.coordsRelative, { batchSize: opts.batchSize });
    return { re: o.re, im: o.im };
  };
  return reconstructScan(raw, predict, {
    grouping: { gridsize: rc.config.gridsize, K: rc.config.K, seed: rc.config.seed },
    batchSize: opts.batchSize,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.cacheBytes !== undefined ? { cacheBytes: opts.cacheBytes } : {}),
  });
}

/**
 * The scan's pattern size must be the one the run's model was trained on.
 *
 * @throws InputError naming the scan file, `diff3d`, the expected and the actual shape
 */
export function checkPatternSize(rc: RunDirConfig, raw: Pick<ScanData, 'N' | 'M' | 'source' | 'diffractionKey'>): void {
  const { N } = rc.data;
  if (raw.N !== N) {
    throw new InputError('pattern size differs from the one the model was trained on', { file: raw.source, key: raw.diffractionKey ?? 'diff3d', expected: `${N}×${N} patterns (N = ${N})`, actual: `${raw.N}×${raw.N} patterns (N = ${raw.N})` });
  }
}
