/**
 * `infer`: a trained run directory + a scan → a stitched reconstruction directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, type RawData } from '@ptychojs/io';
import { predictObject } from '@ptychojs/model';
import { loadModel } from '@ptychojs/model/node';
import type { Ui } from '../ui.js';
import { reconstructScan, writeReconstruction, type ReconstructResult } from './reconstruct.js';
import type { RunDirConfig } from './training.js';

/** Read and check a run directory's `config.json`. */
export function readRunConfig(runDir: string): RunDirConfig {
  const file = path.join(runDir, 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError('not a finished training run (no config.json)', { file: runDir, key: '--model', expected: 'a directory written by `ptycho train`' });
  }
  const rc = JSON.parse(text) as Partial<RunDirConfig>;
  if (rc.format !== 'ptychojs-run' || typeof rc.gridsize !== 'number' || typeof rc.N !== 'number') {
    throw new InputError('config.json is not a ptychojs run configuration', { file, expected: "format 'ptychojs-run'", actual: String(rc.format) });
  }
  return rc as RunDirConfig;
}

export interface InferResult extends ReconstructResult {
  readonly files: string[];
}

export async function inferToDir(runDir: string, raw: RawData, outDir: string, opts: { batchSize: number; ui: Ui; backend: string }): Promise<InferResult> {
  const rc = readRunConfig(runDir);
  if (raw.N !== rc.N) {
    throw new InputError('pattern size differs from the one the model was trained on', { file: raw.source, key: 'diff3d', expected: `(M, ${rc.N}, ${rc.N})`, actual: `(${raw.M}, ${raw.N}, ${raw.N})` });
  }
  const model = await loadModel(path.join(runDir, 'model'));
  const bar = opts.ui.progress('infer', 1, 'groups');
  try {
    const res = await reconstructScan(raw, async (batch) => {
      const o = await predictObject(model, batch.X, batch.coordsRelative, { batchSize: opts.batchSize });
      return { re: o.re, im: o.im };
    }, {
      grouping: { gridsize: rc.gridsize, K: rc.K, seed: rc.config.seed },
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
