import fs from 'node:fs';
import path from 'node:path';
import { readNpzFile } from '@ptychojs/io/node';
import { modelDirCard, type ModelDirCard } from '../model-card/model-dir-card.js';
import { readJsonFile } from './read-json-file.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';
import { RUN_FILES } from '../run-dir/run-files.js';

export type { ModelDirCard } from '../model-card/model-dir-card.js';

/**
 * The model card of a model (run) directory ({@link modelDirCard} of its files): `model-card.json`
 * when present, else derived from `config.json`, `history.json` and `probe.npz` (directories
 * written before cards existed: the steps and doses seen are then unknown, except the dose of a
 * trained run).
 *
 * @throws InputError naming the file when it is not a finished run or a file is invalid
 */
export function readModelCard(dir: string): ModelDirCard {
  const runConfig = readRunDirConfig(dir);
  const probeFile = path.join(dir, RUN_FILES.probe);
  const probe = { file: probeFile, arrays: readNpzFile(probeFile, { keys: ['probeGuess'] }) };
  const cardFile = path.join(dir, RUN_FILES.modelCard);
  if (fs.existsSync(cardFile)) return modelDirCard({ runConfig, probe, card: { file: cardFile, value: readJsonFile(cardFile) } });
  const history = fs.existsSync(path.join(dir, RUN_FILES.history)) ? readTrainingHistory(dir) : [];
  return modelDirCard({ runConfig, probe, history });
}
