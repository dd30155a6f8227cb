import { detectorFlagValues, type DiffractionKind } from '@ptychojs/io';
import { fmt } from '../../internal/fmt.js';
import type { ScanToAssess } from './types.js';

/** How a scan's diffraction is named, read and worded in findings ({@link diffractionContext}). */
export interface DiffractionContext {
  readonly file: string;
  /** The file's key for it (`diff3d`, or its alias `diffraction`). */
  readonly key: string;
  /** numpy name of its stored dtype (`uint16`…), `''` when unknown. */
  readonly storedDtype: string;
  /** How it was read, and whether the user said so. */
  readonly reading: { readonly kind: DiffractionKind; readonly stated: boolean };
  /** The detector's flag values of that dtype as read, each with its words (`detectorFlagValues` of @ptychojs/io). */
  readonly flags: ReadonlyMap<number, string>;
  readonly M: number;
  readonly N: number;
  /** A value as the file holds it (counts read as counts are squared back), saying what it is when it is a flag value. */
  valueText(v: number): string;
}

/**
 * The diffraction of `scan` as its findings name it. The reading defaults to
 * `{ kind: 'amplitude', stated: false }`, the SPEC §3 contract.
 */
export function diffractionContext(scan: ScanToAssess, reading: DiffractionContext['reading'] = { kind: 'amplitude', stated: false }): DiffractionContext {
  const key = scan.diffractionKey ?? 'diff3d';
  const storedDtype = scan.storedDtypes?.[key] ?? '';
  const flags = detectorFlagValues(storedDtype, reading.kind);
  return {
    file: scan.source, key, storedDtype, reading, flags, M: scan.xcoords.length, N: scan.N,
    valueText: (v) => flags.get(v) ?? fmt(reading.kind === 'counts' ? v * v : v),
  };
}
