import { encodeNpzParts, type EncodeNpzOptions } from '../encode-npz.js';
import type { NdArray } from '../types.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Write arrays as an NPZ file atomically (temp + fsync + rename, SPEC §1). Stored archives are
 * streamed piece by piece from the arrays' own bytes, without one archive-sized copy.
 */
export function writeNpzFile(path: string, arrays: Readonly<Record<string, NdArray>>, opts: EncodeNpzOptions = {}): void {
  writeFileAtomic(path, encodeNpzParts(arrays, opts));
}
