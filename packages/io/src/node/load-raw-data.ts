import type { CheckRawDataOptions } from '../check-raw-data.js';
import type { ParseNpzOptions } from '../parse-npz.js';
import { toRawData } from '../to-raw-data.js';
import type { RawData } from '../types.js';
import { readNpzFile } from './read-npz-file.js';

/**
 * Read and validate a raw-scan NPZ (SPEC §3).
 *
 * @throws InputError naming the path: unreadable file, bad archive, or every contract problem.
 */
export function loadRawData(path: string, opts: Pick<ParseNpzOptions, 'maxBytes'> & CheckRawDataOptions = {}): RawData {
  return toRawData(readNpzFile(path, { maxBytes: opts.maxBytes }), path, { diffraction: opts.diffraction });
}
