import { parseNpz } from '@ptychojs/io';
import type { EpochRecord } from '@ptychojs/model';
import { modelDirCard, parseJsonText, parseRunDirConfig, parseTrainingHistory, type ModelDirCard } from '@ptychojs/pipeline';
import type { SourceFile } from './source-file.js';

const text = async (f: SourceFile) => new TextDecoder().decode(await f.bytes());

/**
 * The card of a model directory from its files ({@link modelDirCard}: `model-card.json`, or one
 * derived from `config.json`, `history.json` and `probe.npz`), as `ptycho infer` reads it.
 *
 * @throws InputError naming the file and key of a file that does not pass
 */
export async function readModelDirCard(m: { readonly runConfig: SourceFile; readonly probe: SourceFile; readonly card?: SourceFile }, history: readonly EpochRecord[] | undefined): Promise<ModelDirCard> {
  const runConfig = parseRunDirConfig(parseJsonText(await text(m.runConfig), m.runConfig.path), m.runConfig.path);
  const probe = { file: m.probe.path, arrays: parseNpz(await m.probe.bytes(), { file: m.probe.path, keys: ['probeGuess'] }) };
  if (m.card) return modelDirCard({ runConfig, probe, card: { file: m.card.path, value: parseJsonText(await text(m.card), m.card.path) } });
  return modelDirCard({ runConfig, probe, ...(history ? { history } : {}) });
}

/** A run's `history.json`, validated ({@link parseTrainingHistory}). */
export async function readHistory(f: SourceFile): Promise<EpochRecord[]> {
  return parseTrainingHistory(parseJsonText(await text(f), f.path), f.path);
}
