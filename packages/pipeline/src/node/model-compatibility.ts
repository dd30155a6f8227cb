import type { RawData, ScanData } from '@ptychojs/io';
import { checkModelCompatibility, type Compatibility } from '../model-card/check-model-compatibility.js';
import type { ModelCard } from '../model-card/model-card.js';
import { resolveDose } from '../prepare/resolve-dose.js';
import { readModelCard } from './read-model-card.js';

/**
 * The model card of `modelDir` ({@link readModelCard}) and its compatibility with a scan
 * ({@link checkModelCompatibility}; the scan's dose from `nphotons`, its metadata or its counts,
 * as `resolveDose`). What `ptycho infer` and `run --init-model` check before writing anything.
 *
 * @throws InputError when the directory is not a finished model directory
 */
export function modelCompatibility(modelDir: string, raw: RawData | ScanData, nphotons?: number): { card: ModelCard; compatibility: Compatibility } {
  const { card, probe } = readModelCard(modelDir);
  return { card, compatibility: checkModelCompatibility(card, probe, raw, resolveDose(raw, nphotons).nphotons) };
}
