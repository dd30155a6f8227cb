import type { NdArray, ScanData } from '@ptychojs/io';
import type { ScanAssessment } from './assess/types.js';
import type { ScanIssue } from './scan-issue.js';
import type { ScanCheck, ScanCommand } from './check-scan.js';
import { scanProblemsError } from './scan-problems-error.js';
import type { DiffractionReading } from '../types.js';

/**
 * A scan that passed {@link checkScan} for a command: the data (frames read by range), and what
 * the check found that the outputs record (`config.json`, `reconstruction.json`, `summary.json`,
 * `report.html`). The pipeline steps that write take this, not a bare `RawData`, so none runs on
 * an unchecked scan.
 */
export interface UsableScan {
  readonly raw: ScanData;
  readonly command: ScanCommand;
  readonly warnings: readonly ScanIssue[];
  readonly notes: readonly string[];
  readonly diffraction: DiffractionReading;
  /** Whether the SPEC §4 metrics can be computed against objectGuess, and why not. */
  readonly evaluation: ScanAssessment['evaluation'];
  /** The reader that read the file (`npz`, `cxi`, …). */
  readonly reader: string;
  /** Arrays of the file a writer keeps (a ptychodus probe's other modes). */
  readonly extras?: Readonly<Record<string, NdArray>>;
}

/**
 * The scan of a check, or one `InputError` (exit 2) naming the file and listing every problem
 * with its fix — what each command calls before it creates any output.
 *
 * @throws InputError whose `problems` are the lines `message — fix`
 */
export function usableScan(check: ScanCheck): UsableScan {
  if (check.problems.length > 0 || !check.raw || !check.assessment) throw scanProblemsError(check.file, check.command, check.problems);
  return {
    raw: check.raw, command: check.command, warnings: check.warnings, notes: check.notes, diffraction: check.diffraction,
    evaluation: check.assessment.evaluation, reader: check.reader.name, ...(check.extras ? { extras: check.extras } : {}),
  };
}
