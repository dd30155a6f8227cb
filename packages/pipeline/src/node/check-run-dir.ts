import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * Refuse to overwrite a finished training run (it has `config.json`), and refuse to start over an
 * interrupted one (it has `checkpoint/`) unless resuming: nothing is silently overwritten.
 *
 * @throws InputError (key `--out`) saying what to do
 */
export function checkRunDir(runDir: string, resume: boolean): void {
  if (fs.existsSync(path.join(runDir, RUN_FILES.config))) {
    throw new InputError('this run directory already holds a finished run; choose another --out or delete it', { file: runDir, key: '--out' });
  }
  if (!resume && fs.existsSync(path.join(runDir, RUN_FILES.checkpoint))) {
    throw new InputError('this run directory holds an interrupted run; add --resume to continue it, or choose another --out', { file: runDir, key: '--out' });
  }
}
