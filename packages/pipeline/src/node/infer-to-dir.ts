import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { predictObject } from '@ptychojs/model';
import { loadModel } from '@ptychojs/model/node';
import { reconstructScan, type ReconstructResult } from '../reconstruct-scan.js';
import type { Progress, Reporter } from '../reporter.js';
import type { UsableScan } from '../usable-scan.js';
import { makeOutputDir } from './make-output-dir.js';
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
 * A trained run directory + a checked scan ({@link UsableScan}, checked for `infer` with the run's
 * gridsize and K) → a stitched reconstruction directory ({@link reconstructScan} with the run's
 * model and grouping, then {@link writeReconstruction}; `reconstruction.json` records the scan
 * check's warnings, notes and diffraction reading). The directory is made once the model has
 * loaded. Progress: one bar over the groups (log lines every 10% when not on a terminal).
 *
 * @throws InputError when the run directory is not a finished run or the scan's N differs from
 *   the model's; a file-system error naming the directory when it cannot be made or written
 */
export async function inferToDir(runDir: string, scan: UsableScan, outDir: string, opts: InferToDirOptions): Promise<InferResult> {
  const { raw } = scan;
  const rc = readRunDirConfig(runDir);
  if (raw.N !== rc.N) {
    throw new InputError('pattern size differs from the one the model was trained on', { file: raw.source, key: 'diff3d', expected: `(M, ${rc.N}, ${rc.N})`, actual: `(${raw.M}, ${raw.N}, ${raw.N})` });
  }
  const model = await loadModel(path.join(runDir, 'model'));
  let bar: Progress | undefined;
  try {
    makeOutputDir(outDir);
    bar = opts.reporter.progress('infer', 1, 'groups');
    const res = await reconstructScan(raw, async (batch) => {
      const o = await predictObject(model, batch.X, batch.coordsRelative, { batchSize: opts.batchSize });
      return { re: o.re, im: o.im };
    }, {
      grouping: { gridsize: rc.gridsize, K: rc.K, seed: rc.config.seed },
      batchSize: opts.batchSize,
      onProgress: (done, total) => { bar!.setTotal(total); bar!.update(done); },
    });
    bar.stop();
    const files = writeReconstruction(outDir, res, {
      model: runDir, data: raw.source, backend: opts.backend, gridsize: rc.gridsize, N: rc.N,
      diffraction: scan.diffraction, warnings: scan.warnings, notes: scan.notes,
    });
    return { ...res, files };
  } finally {
    bar?.stop();
    model.dispose();
  }
}
