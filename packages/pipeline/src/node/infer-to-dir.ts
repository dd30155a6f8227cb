import fs from 'node:fs';
import path from 'node:path';
import type { RawData } from '@ptychojs/io';
import { loadModel } from '@ptychojs/model/node';
import type { ReconstructResult } from '../reconstruct-scan.js';
import { reconstructWithModel } from '../reconstruct-with-model.js';
import type { Reporter } from '../reporter.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { writeReconstruction } from './write-reconstruction.js';

/** Options of {@link inferToDir}. */
export interface InferToDirOptions {
  /** Groups per forward pass (bounds memory). */
  readonly batchSize: number;
  readonly reporter: Reporter;
  /** Name of the backend in use, stored in reconstruction.json. */
  readonly backend: string;
}

/** A reconstruction and the files written for it. */
export interface InferResult extends ReconstructResult {
  readonly files: string[];
}

/**
 * A trained run directory + a scan → a stitched reconstruction directory ({@link reconstructWithModel}
 * with the run's model and grouping, then {@link writeReconstruction}). Progress: one bar over
 * the groups (log lines every 10% when not on a terminal).
 *
 * @throws InputError when the run directory is not a finished run or the scan's N differs from the model's
 */
export async function inferToDir(runDir: string, raw: RawData, outDir: string, opts: InferToDirOptions): Promise<InferResult> {
  const rc = readRunDirConfig(runDir);
  const model = await loadModel(path.join(runDir, 'model'));
  const bar = opts.reporter.progress('infer', 1, 'groups');
  try {
    const res = await reconstructWithModel(model, rc, raw, {
      batchSize: opts.batchSize,
      onProgress: (done, total) => { bar.setTotal(total); bar.update(done); },
    });
    bar.stop();
    fs.mkdirSync(outDir, { recursive: true });
    const files = writeReconstruction(outDir, res, { model: runDir, data: raw.source, backend: opts.backend, gridsize: rc.gridsize, N: rc.N });
    return { ...res, files };
  } finally {
    bar.stop();
    model.dispose();
  }
}
