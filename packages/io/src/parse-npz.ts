import { parseNpzSource } from './internal/parse-npz-source.js';
import { memorySource } from './internal/zip-read.js';
import type { NdArray, ParseNpzOptions } from './types.js';

export type { ParseNpzOptions } from './types.js';

/**
 * Parse an NPZ archive (`np.savez` / `np.savez_compressed`, ZIP64 headers included) into arrays
 * keyed by member name without the `.npy` suffix (SPEC §2–§3). Members not ending in `.npy` are
 * skipped. Stored members are parsed in place (typed-array views on `bytes` where aligned).
 *
 * Safety: declared sizes are never trusted. Deflated members are inflated by a streaming inflater
 * in small input steps and abort with an `InputError` as soon as the total output passes
 * `maxBytes` or a member passes its declared size; malformed or truncated archives give an
 * `InputError` naming `file` (and the member key), never a crash.
 */
export function parseNpz(bytes: Uint8Array, opts: ParseNpzOptions = {}): Record<string, NdArray> {
  return parseNpzSource(memorySource(bytes), opts);
}
