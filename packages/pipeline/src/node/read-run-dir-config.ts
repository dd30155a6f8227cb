import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@ptychojs/io';
import { parseRunDirConfig } from '../run-dir/parse-run-dir-config.js';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';
import { readJsonFile } from './read-json-file.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * Read and validate a run directory's `config.json` ({@link parseRunDirConfig}). Its presence
 * marks a finished training run.
 *
 * @throws InputError naming the directory when there is no config.json, or the file and key when
 *   it is not valid JSON or not a valid run configuration
 */
export function readRunDirConfig(runDir: string): RunDirConfig {
  const file = path.join(runDir, RUN_FILES.config);
  if (!fs.existsSync(file)) {
    throw new InputError('not a finished training run (no config.json)', { file: runDir, expected: 'a run directory written by training (`ptycho train`)' });
  }
  return parseRunDirConfig(readJsonFile(file), file);
}
