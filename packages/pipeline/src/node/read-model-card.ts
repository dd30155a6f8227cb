import fs from 'node:fs';
import path from 'node:path';
import { toComplexArray, type ComplexArray } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import type { ModelCard } from '../model-card/model-card.js';
import { modelCardFromRun } from '../model-card/model-card-from-run.js';
import { parseModelCard } from '../model-card/parse-model-card.js';
import { readJsonFile } from './read-json-file.js';
import { readRunDirConfig } from './read-run-dir-config.js';
import { readTrainingHistory } from './read-training-history.js';

/** A model directory's card and the model probe it was trained under. */
export interface ModelDirCard {
  readonly card: ModelCard;
  /** @shape (N, N) complex — `probe.npz` of the directory (the model probe, Σ|P|² = N²). */
  readonly probe: ComplexArray;
  /** Whether the card was read from `model-card.json` (false: derived from `config.json`, an earlier version's directory). */
  readonly stored: boolean;
}

/**
 * The model card of a model (run) directory: `model-card.json` when present, else derived from
 * `config.json`, `history.json` and `probe.npz` (directories written before cards existed: the
 * steps and doses seen are then unknown, except the dose of a trained run).
 *
 * @throws InputError naming the file when it is not a finished run or a file is invalid
 */
export function readModelCard(dir: string): ModelDirCard {
  const rc = readRunDirConfig(dir);
  const probeFile = path.join(dir, 'probe.npz');
  const probe = toComplexArray(readNpzFile(probeFile, { keys: ['probeGuess'] }).probeGuess!, { file: probeFile, key: 'probeGuess' });
  const cardFile = path.join(dir, 'model-card.json');
  if (fs.existsSync(cardFile)) return { card: parseModelCard(readJsonFile(cardFile), cardFile), probe, stored: true };
  const history = fs.existsSync(path.join(dir, 'history.json')) ? readTrainingHistory(dir) : [];
  const dose = rc.config.nphotons;
  return { card: modelCardFromRun(rc, probe, history, { stepRange: null, doseRange: dose === undefined ? null : [dose, dose] }), probe, stored: false };
}
