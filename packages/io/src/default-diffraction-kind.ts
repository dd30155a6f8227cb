import { dtypeInfo } from './dtype-info.js';
import type { NdArray } from './types.js';

/** What the numbers in a diffraction array can be: their square root (the SPEC §3 contract), or detector counts. */
export const DIFFRACTION_KINDS = ['amplitude', 'counts'] as const;

/** What the numbers in a diffraction array are: detector counts, or their square root (SPEC §3). */
export type DiffractionKind = (typeof DIFFRACTION_KINDS)[number];

/**
 * The reading of a diffraction array when the user does not say (the default of a
 * `--diffraction counts|amplitude` option): integer or bool dtypes are what counting detectors
 * write, so `'counts'`; floating dtypes are `'amplitude'`, the SPEC §3 contract. Values are not
 * inspected here; `assessScan` warns when float data hold only integers.
 */
export function defaultDiffractionKind(a: Pick<NdArray, 'dtype'>): DiffractionKind {
  const k = dtypeInfo(a.dtype).kind;
  return k === 'int' || k === 'uint' || k === 'bool' ? 'counts' : 'amplitude';
}
