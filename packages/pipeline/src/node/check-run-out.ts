import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * Refuse to overwrite a finished `run`/`demo` output directory (it has `summary.json`).
 * @throws InputError (key `--out`) saying what to do
 */
export function checkRunOut(out: string): void {
  if (fs.existsSync(path.join(out, RUN_FILES.summary))) {
    throw new InputError('this directory already holds a finished run; choose another --out or delete it', { file: out, key: '--out' });
  }
}
