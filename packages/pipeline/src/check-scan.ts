import { checkRawData, defaultDiffractionKind, type DiffractionKind, type DiffractionLayout, type NdArray, type RawData } from '@ptychojs/io';
import { assessScan, type ScanAssessment, type ScanCommand, type ScanIssue } from '@ptychojs/grouping';
import type { DiffractionReading, ScanProblem } from './types.js';

/** The command and settings a scan is checked for ({@link checkScan}), as the user gave them. */
export interface ScanCheckSettings {
  readonly command: ScanCommand;
  /** Group side, C = gridsize² (grouping commands; default 2, SPEC §3). */
  readonly gridsize?: number;
  /** Neighbour pool (default 6). */
  readonly K?: number;
  /**
   * The run's photons per pattern when the user gave it (`--nphotons` or the config file), compared
   * with the measured dose and `_metadata.nphotons`. Without it a run takes the dose from the data
   * (`resolveDose`), so there is nothing to compare.
   */
  readonly nphotons?: number | undefined;
  /** What the diffraction holds, when the user said (`--diffraction`); else from the stored dtype (`defaultDiffractionKind`). */
  readonly diffraction?: DiffractionKind;
  /** How the diffraction array is laid out, when the user said (`--layout`); default `'auto'` (from its shape, `checkRawData`). */
  readonly layout?: DiffractionLayout;
  /** Warnings are problems (`--strict`, for pipelines). */
  readonly strict?: boolean;
}

/** Result of {@link checkScan}. */
export interface ScanCheck {
  readonly file: string;
  readonly command: ScanCommand;
  /** The scan as read, when it meets the SPEC §3 contract. */
  readonly raw?: RawData;
  /** Every reason the command cannot run: contract problems, else `assessScan`'s. Empty = usable. */
  readonly problems: readonly ScanProblem[];
  /** Data that parse but look wrong, each with its fix (`assessScan`). */
  readonly warnings: readonly ScanIssue[];
  /** Conversions on reading, aliases, unused keys (`checkRawData`). */
  readonly notes: readonly string[];
  readonly diffraction: DiffractionReading;
  /** `assessScan`'s result (evaluation box or why metrics are absent, stats), when the contract holds. */
  readonly assessment?: ScanAssessment;
}

/**
 * The one check of a scan before any command works on it (issue 9), browser-safe: `inspect` shows
 * exactly what `train`, `infer`, `run`, `epie` and `simulate` refuse, because all of them call this.
 * Reads the diffraction as the user said (`diffraction`) or as its stored dtype suggests (integers
 * are counts: `defaultDiffractionKind`), checks the SPEC §3 contract (`checkRawData`: keys, shapes,
 * dtypes, NaN, aliases) and, when it holds, whether the scan is usable for the command and
 * plausible (`assessScan` of @ptychojs/grouping, with the reading and the run's nphotons when
 * given). A contract problem stops there, so no assessment follows falsely from it.
 */
export function checkScan(arrays: Readonly<Record<string, NdArray>>, file: string, settings: ScanCheckSettings): ScanCheck {
  const { command } = settings;
  const stored = own(arrays, 'diff3d') ?? own(arrays, 'diffraction');
  const diffraction: DiffractionReading = settings.diffraction !== undefined
    ? { kind: settings.diffraction, stated: true }
    : { kind: stored ? defaultDiffractionKind(stored) : 'amplitude', stated: false };
  const contract = checkRawData(arrays, file, { diffraction: diffraction.kind, ...(settings.layout ? { layout: settings.layout } : {}) });
  const base = { file, command, diffraction, notes: contract.notes };
  if (!contract.raw || contract.problems.length > 0) {
    return { ...base, problems: contract.problems.map((message) => ({ code: 'contract' as const, message, file })), warnings: [] };
  }
  const assessment = assessScan(contract.raw, { command, gridsize: settings.gridsize, K: settings.K, nphotons: settings.nphotons, strict: settings.strict, diffraction });
  return { ...base, raw: contract.raw, problems: assessment.problems, warnings: assessment.warnings, assessment };
}

function own(arrays: Readonly<Record<string, NdArray>>, key: string): NdArray | undefined {
  return Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined;
}
