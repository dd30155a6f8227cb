import path from 'node:path';
import type { EpochRecord } from '@ptychojs/model';
import { parseTrainingHistory } from '../run-dir/parse-training-history.js';
import { readJsonFile } from './read-json-file.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/**
 * Read and validate a run directory's `history.json` ({@link parseTrainingHistory}).
 * @throws InputError naming the file and key
 */
export function readTrainingHistory(runDir: string): EpochRecord[] {
  const file = path.join(runDir, RUN_FILES.history);
  return parseTrainingHistory(readJsonFile(file), file);
}
