import { checkRawData, type CheckRawDataOptions } from './check-raw-data.js';
import { InputError } from './errors.js';
import type { NdArray, RawData } from './types.js';

/**
 * Validate arrays read from a raw NPZ into `RawData` (SPEC §3); see `checkRawData` for the rules.
 * Arrays already in the target type (float64 coordinates, float32 diffraction) are used without
 * copying.
 *
 * @throws InputError listing every problem in `problems` (one line each, naming file, key,
 *   expected and actual shape/dtype).
 */
export function toRawData(arrays: Readonly<Record<string, NdArray>>, source: string, opts: CheckRawDataOptions = {}): RawData {
  const { raw, problems } = checkRawData(arrays, source, opts);
  if (raw === undefined || problems.length > 0) {
    const n = problems.length;
    throw new InputError(`${n} problem${n === 1 ? '' : 's'} in raw data:\n  ${problems.join('\n  ')}`, { file: source }, problems);
  }
  return raw;
}
