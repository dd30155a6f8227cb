import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { scanDataFromRaw } from '@ptychojs/io';
import type { InferenceModel } from '@ptychojs/model';
import { fileModelHandler, loadModel, startInferenceWorkers } from '@ptychojs/model/node';
import type { ReconstructionFormat } from '@ptychojs/io/node';
import type { PredictBatch, ReconstructResult } from '../reconstruct/reconstruct-scan.js';
import { checkPatternSize, reconstructWithModel } from '../reconstruct/reconstruct-with-model.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import type { Progress, Reporter } from '../reporter.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { PIPELINE_VERSION } from '../version.js';
import { defaultMemoryBudget } from './default-memory-budget.js';
import { makeOutputDir } from './make-output-dir.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';
import { writeProductFiles } from './write-product-files.js';
import { storedFrameCache } from './stored-frame-cache.js';
import { writeReconstruction } from './write-reconstruction.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** Options of {@link inferToDir}. */
export interface InferToDirOptions {
  /** Groups per forward pass (bounds memory). */
  readonly batchSize: number;
  readonly reporter: Reporter;
  /** Name of the backend in use, stored in reconstruction.json. */
  readonly backend: string;
  /**
   * Worker threads that run the model (issue 10; wasm or cpu, each worker starts that backend).
   * Batches are spread over them and stitched in scan order: the result is the one-thread one.
   * Default 1: this thread.
   */
  readonly workers?: number;
  /**
   * Bytes the scan's frames may take in memory (default {@link defaultMemoryBudget}): half of it is
   * the cache the batches read their frames through; the frames are never all read at once.
   */
  readonly memoryBudget?: number;
  /** Also write the reconstruction as a ptychodus product or CXI (`--format`), with the model's training losses. */
  readonly formats?: readonly ReconstructionFormat[];
  /** `--pixel-size` (metres) for those formats when the scan has none. */
  readonly pixelSizeM?: number;
}

/** A reconstruction and the files written for it. */
export interface InferResult extends ReconstructResult {
  readonly files: string[];
  /** The PNGs written, by file name in the directory (`amplitude.png`, `phase.png`, `scan.png`). */
  readonly pngs: ReadonlyMap<string, Uint8Array>;
}

/**
 * A trained run directory + a checked scan ({@link UsableScan}, checked for `infer` with the run's
 * gridsize and K) → a stitched reconstruction directory ({@link reconstructWithModel}
 * with the run's model and grouping, then {@link writeReconstruction}; `reconstruction.json` records the scan
 * check's warnings, notes and diffraction reading, the seed, versions, backend, workers and the
 * run's configuration). With `workers` > 1 the model runs on that many worker threads, one batch
 * each at a time, stitched in scan order (the result equals the one-thread one). The
 * directory is made once the model has loaded. Progress: one bar over the groups (log lines every 10% when not on a terminal).
 *
 * @throws InputError when the run directory is not a finished run or the scan's N differs from
 *   the model's; a file-system error naming the directory when it cannot be made or written
 */
export async function inferToDir(runDir: string, scan: UsableScan, outDir: string, opts: InferToDirOptions): Promise<InferResult> {
  const { raw } = scan;
  const rc = readRunDirConfig(runDir);
  checkPatternSize(rc, raw);
  const workers = opts.workers ?? 1;
  const modelDir = path.join(runDir, RUN_FILES.model);
  let predict: InferenceModel | PredictBatch;
  let close: () => Promise<void>;
  if (workers > 1) {
    const pool = await startInferenceWorkers(await fileModelHandler(modelDir).load(), { workers, backend: opts.backend });
    predict = async (batch) => pool.predict(batch.X, batch.coordsRelative, { batchSize: opts.batchSize });
    close = () => pool.close();
  } else {
    const model = await loadModel(modelDir);
    predict = model;
    close = async () => model.dispose();
  }
  let bar: Progress | undefined;
  const budget = opts.memoryBudget ?? defaultMemoryBudget();
  try {
    makeOutputDir(outDir);
    // A deflated NPZ member cannot be read by range: inflate it into memory when it fits the
    // budget, else once into a stored cache in the output directory (its size said first).
    let data = raw;
    if (raw.frames.access === 'sequential') {
      data = raw.frames.bytes <= budget ? scanDataFromRaw(scanInMemory(raw, budget, 'inference')) : { ...raw, frames: storedFrameCache(raw, outDir, { reporter: opts.reporter }) };
    }
    bar = opts.reporter.progress('infer', 1, 'groups');
    const res = await reconstructWithModel(predict, rc, data, {
      batchSize: opts.batchSize,
      concurrency: workers,
      cacheBytes: Math.max(16 * 2 ** 20, Math.floor(budget / 2)),
      onProgress: (done, total) => { bar!.setTotal(total); bar!.update(done); },
    });
    bar.stop();
    const { files, pngs } = writeReconstruction(outDir, res, {
      model: runDir, data: raw.source, backend: opts.backend, workers, gridsize: rc.config.gridsize, N: rc.data.N,
      seed: rc.config.seed, ptychojs: PIPELINE_VERSION, tfjs: tf.version_core, config: rc.config,
      diffraction: scan.diffraction, warnings: scan.warnings, notes: scan.notes, reader: scan.reader,
    }, { x: raw.xcoords, y: raw.ycoords });
    if (opts.formats?.length) {
      files.push(...await writeProductFiles(outDir, res.reconstruction, scan, {
        formats: opts.formats, method: 'PtychoPINN-style network', losses: readTrainingHistory(runDir).map((h) => h.loss),
        ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}), parameters: { model: runDir, gridsize: rc.config.gridsize, N: rc.data.N },
      }));
    }
    return { ...res, files, pngs };
  } finally {
    bar?.stop();
    await close();
  }
}
