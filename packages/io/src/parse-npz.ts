import { parseNpzSource } from './internal/parse-npz-source.js';
import { memorySource } from './internal/zip-read.js';
import type { NdArray } from './types.js';

/** Options of {@link parseNpz}. */
export interface ParseNpzOptions {
  /**
   * Cap on the total bytes the archive may expand to (sum of all members read) and on any one
   * array's declared size; default 8 GiB. Inflation stops as soon as the output passes it.
   */
  readonly maxBytes?: number;
  /** File name, used in error messages only. */
  readonly file?: string;
  /** Read only these keys (others are not inflated); absent keys are simply not returned. */
  readonly keys?: readonly string[];
  /** Also check the CRC-32 of stored members (deflated members are always checked). Default false. */
  readonly verifyCrc?: boolean;
  /** Always copy payloads instead of returning views on `bytes` (see `ParseNpyOptions.copy`). */
  readonly copy?: boolean;
}

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
