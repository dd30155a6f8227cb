import { formatInputError } from '@ptychojs/io';
import type { ScanIssueRecord } from '../types.js';

/** Machine-readable kind of a {@link ScanIssue}. */
export type ScanIssueCode =
  // problems: the command cannot run on this scan
  | 'no-positions'
  | 'positions-not-finite'
  | 'coordinate-length-mismatch'
  | 'too-few-positions'
  | 'bad-setting'
  | 'diffraction-missing'
  | 'diffraction-not-finite'
  | 'diffraction-negative'
  | 'diffraction-all-zero'
  | 'diffraction-constant'
  | 'object-missing'
  | 'evaluation-box-too-small'
  // warnings (problems under `strict`; `positions-outside-object` is a problem for `simulate`)
  | 'positions-outside-object'
  | 'patches-cross-object-edge'
  | 'metrics-unavailable'
  | 'diffraction-looks-like-counts'
  | 'diffraction-read-as-counts'
  | 'positions-units'
  | 'step-exceeds-probe'
  | 'duplicate-positions'
  | 'empty-patterns'
  | 'outlier-patterns'
  | 'detector-gaps'
  | 'hot-pixels'
  | 'saturated-pixels'
  | 'identical-patterns'
  | 'dose-mismatch'
  | 'metadata-disagrees'
  | 'start-positions-differ'
  | 'small-neighbour-pool'
  // found by a scan reader (geometry in the file that disagrees with itself)
  | 'reader-geometry';

/** One finding about a scan: the record outputs store ({@link ScanIssueRecord}), its code one of {@link ScanIssueCode}. */
export interface ScanIssue extends ScanIssueRecord {
  readonly code: ScanIssueCode;
}

/**
 * A finding about `file`, its `message` written as an `InputError`'s (`file, key 'k': what;
 * expected …; got …`, `formatInputError` of @ptychojs/io): the one way every finding is worded.
 */
export function scanIssue(file: string, code: ScanIssueCode, key: string, what: string, expected: string, actual: string, fix: string): ScanIssue {
  return { code, key, file, expected, actual, fix, message: formatInputError(what, { file, key, expected, actual }) };
}
