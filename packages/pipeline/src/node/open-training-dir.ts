import path from 'node:path';
import { fileCheckpointStore } from '@ptychojs/model/node';
import type { Checkpoint, CheckpointStore } from '@ptychojs/model';
import type { Reporter } from '../reporter.js';
import { RUN_FILES } from '../run-dir/run-files.js';
import { makeOutputDir } from './make-output-dir.js';

/** A training directory made ready by {@link openTrainingDir}. */
export interface OpenTrainingDir {
  /** Where training saves its checkpoints (`checkpoint/`). */
  readonly store: CheckpointStore;
  /** The checkpoint to continue from, when resuming and there is one. */
  readonly resume: Checkpoint | undefined;
}

/**
 * Make a training directory and its `model/` folder, and read the checkpoint to continue from when
 * `resume` (saying so, or that there is none and training starts from scratch): the opening of
 * `trainToRunDir` and `pretrainToDir`.
 */
export async function openTrainingDir(runDir: string, resume: boolean, reporter: Reporter): Promise<OpenTrainingDir> {
  makeOutputDir(runDir);
  makeOutputDir(path.join(runDir, RUN_FILES.model));
  const store = fileCheckpointStore(path.join(runDir, RUN_FILES.checkpoint));
  const checkpoint = resume ? await store.loadCheckpoint() : undefined;
  if (resume && !checkpoint) reporter.warn(`no checkpoint in ${runDir}; starting from scratch`);
  if (checkpoint) reporter.info(`resuming after epoch ${checkpoint.epoch}`);
  return { store, resume: checkpoint };
}
