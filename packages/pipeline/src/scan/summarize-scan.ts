import type { FieldMapping } from '@ptychojs/io';
import type { ScanAssessment, ScanStats } from './assess/types.js';
import type { ScanIssue } from './scan-issue.js';
import { resolveObjectExtent, type ObjectExtent } from '@ptychojs/model';
import { probeRmsRadius, scanOverlap } from '@ptychojs/physics';
import type { ScanCheck, ScanCommand } from './check-scan.js';
import type { DiffractionReading, ScanProblem } from '../types.js';

/** What a scan file holds and whether a command can use it ({@link summarizeScan}): `inspect`'s report. */
export interface ScanSummary {
  file: string;
  /** The command the scan was checked for (`inspect` checks as `run`). */
  command: ScanCommand;
  /** Every array: key, shape and numpy's name of the dtype it has in the file (`float32`, `float16`, `uint16`, `str (<U12)`…). */
  keys: { key: string; shape: number[]; dtype: string }[];
  /** The reader of the registry that read the file, and the format in words. */
  reader: { name: string; format: string };
  /** How each SPEC §3 field was obtained from the file. */
  mapping: readonly FieldMapping[];
  /** Frames the statistics were gathered from, when a sample (`inspect --sample`): of M. */
  sampledFrames?: number;
  /** Pixels excluded by the bad-pixel mask. */
  maskedPixels?: number;
  /** No problems: the command can run. */
  valid: boolean;
  /** Every reason it cannot (contract problems, else assessScan's), each naming file, key, expected and actual, with its fix. */
  problems: readonly ScanProblem[];
  /** Data that parse but look wrong, each with what to do. */
  warnings: readonly ScanIssue[];
  /** Conversions on reading, aliases, unused keys. */
  notes: readonly string[];
  /** How the diffraction was read, its key and stored dtype (when the contract holds). */
  diffraction?: DiffractionReading & { key: string; storedDtype: string };
  M?: number;
  N?: number;
  /** Extent of the scan positions, pixels. */
  extent?: ScanStats['extent'];
  /** Median distance to the nearest other scan position, pixels. */
  medianStep?: number;
  probeRmsRadius?: number;
  /**
   * Fraction of the probe's energy outside the central N/2 square, and the object extent a `run`
   * with `--object-extent auto` (the default) will choose from it (issue 8, `resolveObjectExtent`).
   */
  probeOutsideFraction?: number;
  autoObjectExtent?: ObjectExtent;
  /**
   * Linear overlap 1 − step / probe FWHM, FWHM taken as 1.665·(rms radius) (Gaussian-equivalent;
   * `scanOverlap` of @ptychojs/physics), floored at 0; absent when the positions are not in pixels or all coincide (an overlap would be a false follow-on).
   */
  overlap?: number;
  /** Counts per pattern as read (Σ amplitude², or Σ values for data that look like counts). */
  countsPerPattern?: ScanStats['countsPerPattern'];
  /** Mean counts per pattern: the dose nphotons is compared with. */
  meanCounts?: number;
  /** Pixels left out of the counts (detector gaps and hot pixels holding a value in every pattern: not photons). */
  excludedPixels?: number;
  /** Shape of objectGuess, or null when absent. */
  objectGuess?: number[] | null;
  metadata?: Readonly<Record<string, unknown>> | null;
  /** Whether the SPEC §4 metrics can be computed, the box they would score, or why they would be absent. */
  evaluation?: ScanAssessment['evaluation'];
}

/**
 * Everything `inspect` reports about a scan, from its {@link checkScan} (so it shows exactly what
 * the command would refuse, and why): the reader that read it and how each field was mapped; keys,
 * shapes and stored dtypes; problems,
 * warnings with their fixes and notes; how the diffraction was read; and, when the contract holds,
 * M, N and `assessScan`'s measurements (extent, median step, counts per pattern, evaluation box or
 * the reason metrics would be absent), the probe's rms radius, its energy outside the central N/2
 * square and the object extent `run` would choose from it, and the estimated overlap. `listing`
 * replaces the keys taken from `arrays` (a file check that did not read every array lists them
 * from the file: `checkScanFile`). Pure; browser-safe.
 */
export function summarizeScan(check: ScanCheck): ScanSummary {
  const keys = check.contents.map((e) => ({ key: e.path, shape: [...e.shape], dtype: e.dtype }));
  const { file, command, problems, warnings, notes, raw, assessment } = check;
  const summary: ScanSummary = {
    file, command, keys, reader: { ...check.reader }, mapping: check.mapping, valid: problems.length === 0, problems, warnings, notes,
    ...(check.stats?.frameIndex ? { sampledFrames: check.stats.patterns } : {}),
    ...(check.stats && check.stats.maskedPixels > 0 ? { maskedPixels: check.stats.maskedPixels } : {}),
  };
  if (!raw || !assessment) return summary;
  const key = raw.diffractionKey ?? 'diff3d';
  const { stats } = assessment;
  const hasEnergy = probeHasEnergy(raw.probeGuess);
  const rms = hasEnergy ? probeRmsRadius(raw.probeGuess) : 0;
  const extent = hasEnergy ? resolveObjectExtent('auto', raw.probeGuess) : undefined;
  const step = stats.medianStep;
  const positionsSuspect = [...problems, ...warnings].some((i) => i.code === 'positions-units');
  const overlap = step !== undefined && step > 0 && !positionsSuspect && rms > 0 ? Math.max(0, scanOverlap(step, rms).linear) : undefined;
  return {
    ...summary,
    diffraction: { ...check.diffraction, key, storedDtype: raw.storedDtypes?.[key] ?? '' },
    M: stats.M, N: stats.N, extent: stats.extent, medianStep: step, probeRmsRadius: rms,
    ...(extent ? { probeOutsideFraction: extent.outsideFraction, autoObjectExtent: extent.extent } : {}), overlap,
    countsPerPattern: stats.countsPerPattern, meanCounts: stats.meanCounts, ...(stats.excludedPixels ? { excludedPixels: stats.excludedPixels } : {}),
    objectGuess: raw.objectGuess ? [...raw.objectGuess.shape] : null,
    metadata: raw.metadata ?? null,
    evaluation: assessment.evaluation,
  };
}

function probeHasEnergy(p: { re: Float32Array; im: Float32Array }): boolean {
  for (let i = 0; i < p.re.length; i++) if (p.re[i] !== 0 || p.im[i] !== 0) return true;
  return false;
}
