import { numpyDtypeName } from '../numpy-dtype-name.js';
import type { NdArray } from '../types.js';
import type { ScanSource } from './scan-reader.js';

/**
 * Arrays already in memory under SPEC §3 names (a simulated scan, a parsed NPZ) as a
 * {@link ScanSource}, so they are checked like any file (`checkScan`).
 */
export function memoryScanSource(arrays: Readonly<Record<string, NdArray>>, file: string): ScanSource {
  return {
    file, reader: 'npz', format: 'ptychojs raw scan arrays (SPEC §3), in memory', arrays,
    mapping: Object.keys(arrays).map((k) => ({ field: k, from: k })),
    notes: [], warnings: [], problems: [],
    contents: Object.entries(arrays).map(([path, a]) => ({ path, shape: a.shape, dtype: numpyDtypeName(a) })),
    close: () => undefined,
  };
}
