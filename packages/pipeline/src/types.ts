/** Shared contracts of the pipeline (SPEC §3 "Grouping", "Run directory"). */
import type { DiffractionKind } from '@ptychojs/io';

/** How a scan is grouped (SPEC §3 "Grouping"); a subset of the run configuration. */
export interface GroupingSettings {
  readonly gridsize: number;
  readonly K: number;
  readonly nGroups?: number | undefined;
  readonly seed: number;
  readonly sampling?: 'random' | 'sequential';
}

/** The tfjs backend a run used, and why (SPEC §5: printed and stored). */
export interface BackendUsed {
  readonly name: string;
  readonly reason: string;
}

/**
 * A finding about a scan as outputs record it (`config.json`, `reconstruction.json`,
 * `summary.json`, `inspect --json`): a `ScanIssue` (`scan/scan-issue.ts`) with its code as a
 * string. `message` is the full line a person reads (`file, key 'k': what; expected …; got …`,
 * as `InputError`s are written); `fix` says what to do about it.
 */
export interface ScanIssueRecord {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  /** NPZ key, or the setting (`gridsize`, `K`, `--nphotons`) the finding is about. */
  readonly key: string;
  readonly expected: string;
  readonly actual: string;
  readonly fix: string;
}

/**
 * A reason a command cannot run on a scan: a `ScanIssue` of `assessScan`, or a contract problem
 * of `checkRawData` (code `'contract'`; its message names file, key, expected and actual).
 */
export type ScanProblem = ScanIssueRecord | { readonly code: 'contract'; readonly message: string; readonly file: string };

/** How the diffraction was read (SPEC §3: amplitude = sqrt(counts)), and whether the user said so. */
export interface DiffractionReading {
  readonly kind: DiffractionKind;
  /** The user stated it (`--diffraction`); else it was chosen from the stored dtype. */
  readonly stated: boolean;
}

/**
 * Options of the settings resolvers (`resolveEpieSettings`, `resolveInferenceSettings`,
 * `resolveSimulationSettings`): where the loose input came from and how its keys are named in
 * errors.
 */
export interface SettingsOptions {
  /** Where the input came from (a settings file), named by the errors. */
  readonly file?: string;
  /**
   * How the caller names each key in errors, e.g. `{ rpieAlpha: '--alpha' }` for the CLI's
   * flags; keys left out are named as they are.
   */
  readonly names?: Readonly<Record<string, string>>;
}
