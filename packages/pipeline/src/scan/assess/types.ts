import type { DiffractionKind, DiffractionStats } from '@ptychojs/io';
import type { EvaluationCrop, ScanBox } from '@ptychojs/metrics';
import type { ScanIssue } from '../scan-issue.js';

/**
 * What a scan is needed for, which decides what is a problem and what is checked at all.
 * `checkScan` maps each command to these once (`SCAN_NEEDS`); the assessment knows no command.
 */
export interface ScanNeeds {
  /** The diffraction is read: it must be present, finite, non-negative and not one value throughout; its content is judged. */
  readonly diffraction: boolean;
  /** The positions are grouped (SPEC §3 "Grouping"): gridsize and K must fit the scan. */
  readonly grouping: boolean;
  /**
   * Scoring against `objectGuess` (SPEC §4): `'required'` refuses without it or with a crop too
   * small to score; `'reported'` warns when the metrics will be unavailable; `'none'` only says
   * whether scoring could work (what scoring the result would need).
   */
  readonly evaluation: 'required' | 'reported' | 'none';
  /**
   * Patterns are simulated from the object (called `object`, not `objectGuess`): it must be
   * present and hold every position; patches reaching past its edge warn.
   */
  readonly simulation: boolean;
}

/** Settings the scan is assessed with. Defaults are SPEC §3's. */
export interface AssessScanSettings {
  /** What the scan is needed for (`SCAN_NEEDS` of the command, in `check-scan.ts`). */
  readonly needs: ScanNeeds;
  /** Solution-region side, C = gridsize² positions per group (when grouping). Default 2. */
  readonly gridsize?: number;
  /** Neighbour pool for grouping, K ≥ C − 1. Default 6. */
  readonly K?: number;
  /** The run's photon count when given (`--nphotons`), compared with the measured dose. */
  readonly nphotons?: number;
  /**
   * How the diffraction was read (checkRawData's `diffraction` option) and whether the user said
   * so. Default `{ kind: 'amplitude', stated: false }`, the SPEC §3 contract: integer values then
   * warn as counts-like. Counts read by default (from an integer dtype) warn that they were; a
   * stated reading is not second-guessed.
   */
  readonly diffraction?: { readonly kind: DiffractionKind; readonly stated: boolean };
  /** Turn every warning into a problem. */
  readonly strict?: boolean;
}

/**
 * What `assessScan` reads: a `RawData` qualifies, and so does the partial scan of `simulate`
 * (positions and an object, no diffraction) or of `evaluate` (positions and objectGuess).
 */
export interface ScanToAssess {
  /** File name (or label) for messages. */
  readonly source: string;
  /** Pattern side; for `simulate`, the probe's. */
  readonly N: number;
  /** @shape (M,) pixels, x = column (SPEC §3) */
  readonly xcoords: ArrayLike<number>;
  /** @shape (M,) pixels, y = row */
  readonly ycoords: ArrayLike<number>;
  /** @shape (M,) true positions (ground-truth patches); default xcoords */
  readonly xcoordsStart?: ArrayLike<number>;
  readonly ycoordsStart?: ArrayLike<number>;
  /** @shape (M, N, N) amplitude = sqrt(counts) */
  readonly diff3d?: ArrayLike<number>;
  /**
   * The diffraction's statistics already gathered (by `checkRawData`'s one pass over a scan read
   * by range, possibly of a sample of frames); used instead of reading `diff3d`.
   */
  readonly diffractionStats?: DiffractionStats;
  /** Only its `shape` (H, W) is read. */
  readonly objectGuess?: { readonly shape: readonly number[] };
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** The file's key for the diffraction (`diff3d` or its alias `diffraction`), for messages. */
  readonly diffractionKey?: string;
  /** numpy dtype of each key as stored, for messages. */
  readonly storedDtypes?: Readonly<Record<string, string>>;
}

/** Measurements made along the way, for reports (`inspect`). */
export interface ScanStats {
  readonly M: number;
  readonly N: number;
  /** Box spanned by the positions (pixels); absent without finite positions. */
  readonly extent?: ScanBox;
  /** Median distance to the nearest other position (pixels); absent for M < 2. */
  readonly medianStep?: number;
  /** Counts per pattern (Σ amplitude², or Σ counts when the data look like counts): min, median, max. */
  readonly countsPerPattern?: { readonly min: number; readonly median: number; readonly max: number };
  /** Mean counts per pattern: the dose nphotons defaults to (SPEC §3). */
  readonly meanCounts?: number;
  /**
   * Pixels left out of `countsPerPattern` and `meanCounts`: detector gaps and hot pixels holding a
   * non-zero value in every pattern (the `detector-gaps` and `hot-pixels` warnings), which are not photons.
   */
  readonly excludedPixels?: number;
}

/**
 * Whether the SPEC §4 metrics can be computed against `objectGuess`, and if not, why; `box` is the
 * crop they would use (columns `col0…col0+width−1`, rows likewise), `evaluationCrop` of @ptychojs/metrics.
 */
export interface EvaluationOutlook {
  /** The metrics can be computed. */
  readonly possible: boolean;
  /** Why not, in words. */
  readonly reason?: string;
  /** The crop they would score, when there are finite positions and a 2-D objectGuess. */
  readonly box?: EvaluationCrop;
}

/** Result of `assessScan`. */
export interface ScanAssessment {
  /** The command cannot run on this scan with these settings (exit 2). */
  readonly problems: ScanIssue[];
  /** It can, but the data look wrong; each says what to do. Empty under `strict`. */
  readonly warnings: ScanIssue[];
  /** Whether the SPEC §4 metrics can be computed against objectGuess, and on which crop. */
  readonly evaluation: EvaluationOutlook;
  /** Measurements made along the way. */
  readonly stats: ScanStats;
}

/** Problems (the scan cannot be used as needed) and warnings (it can, but looks wrong) of one check, each in the order found. */
export interface Findings {
  readonly problems: ScanIssue[];
  readonly warnings: ScanIssue[];
}
