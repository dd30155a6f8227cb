import { InputError, toComplexArray, type ComplexArray, type NdArray } from '@ptychojs/io';
import type { EpochRecord } from '@ptychojs/model';
import type { RunDirConfig } from '../run-dir/run-dir-config.js';
import type { ModelCard } from './model-card.js';
import { modelCardFromRun } from './model-card-from-run.js';
import { parseModelCard } from './parse-model-card.js';

/** A model directory's card and the model probe it was trained under. */
export interface ModelDirCard {
  readonly card: ModelCard;
  /** @shape (N, N) complex — `probe.npz` of the directory (the model probe, Σ|P|² = N²). */
  readonly probe: ComplexArray;
  /** Whether the card was read from `model-card.json` (false: derived from `config.json`, an earlier version's directory). */
  readonly stored: boolean;
}

/** The files of a model directory that say what its model is, already read (from disk or from a browser's files). */
export interface ModelDirFiles {
  /** `config.json`, validated (`parseRunDirConfig`). */
  readonly runConfig: RunDirConfig;
  /** `probe.npz`: its path (for errors) and its arrays (`parseNpz`, at least `probeGuess`). */
  readonly probe: { readonly file: string; readonly arrays: Readonly<Record<string, NdArray>> };
  /** `model-card.json`, parsed JSON not yet validated, when the directory has one. */
  readonly card?: { readonly file: string; readonly value: unknown };
  /** `history.json`, validated (`parseTrainingHistory`), when present: the patterns seen of a directory without a card. */
  readonly history?: readonly EpochRecord[];
}

/**
 * The model card of a model (run) directory from its files: `model-card.json` when present
 * ({@link parseModelCard}), else one derived from `config.json`, `history.json` and `probe.npz`
 * ({@link modelCardFromRun}; a directory written before cards existed: the steps seen are then
 * unknown, the doses too except the one dose of a trained run). What `ptycho infer` and the web
 * app check a scan against. Pure; browser-safe.
 *
 * @throws InputError naming `probe.npz` when it has no `probeGuess`, or `model-card.json` and the key when the card is invalid
 */
export function modelDirCard(files: ModelDirFiles): ModelDirCard {
  const { runConfig: rc } = files;
  const p = files.probe.arrays['probeGuess'];
  if (!p) throw new InputError('the model probe is missing', { file: files.probe.file, key: 'probeGuess', expected: 'the model probe written by training', actual: `keys ${Object.keys(files.probe.arrays).join(', ') || '(none)'}` });
  const probe = toComplexArray(p, { file: files.probe.file, key: 'probeGuess' });
  if (files.card) return { card: parseModelCard(files.card.value, files.card.file), probe, stored: true };
  const dose = rc.config.nphotons;
  return { card: modelCardFromRun(rc, probe, files.history ?? [], { stepRange: null, doseRange: dose === undefined ? null : [dose, dose] }), probe, stored: false };
}
