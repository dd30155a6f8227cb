import type { RawData, ScanData } from '@ptychojs/io';
import { diffractionFindings } from './assess/diffraction-findings.js';
import { evaluationOutlook } from './assess/evaluation-outlook.js';
import { groupingFindings } from './assess/grouping-findings.js';
import { nphotonsAgreementWarnings } from './assess/nphotons-agreement-warnings.js';
import { objectFindings } from './assess/object-findings.js';
import { positionFindings } from './assess/position-findings.js';
import { statedNphotons } from './assess/stated-nphotons.js';
import type { AssessScanSettings, Findings, ScanAssessment, ScanStats, ScanToAssess } from './assess/types.js';
import type { ScanIssue } from './scan-issue.js';
import { strictProblem } from './strict-problem.js';

/**
 * Decide whether a scan is usable for what it is needed for (`settings.needs`, which `checkScan`
 * derives from the command) and what looks physically implausible — the one place that decides,
 * so `inspect` reports exactly what `run` refuses. Pure and browser-safe. Takes a `RawData` that
 * passed `checkRawData` (@ptychojs/io; contract problems — keys, ranks, dtypes, NaN, aliases — are
 * that function's) or a partial scan for simulating or evaluating (see {@link ScanToAssess}).
 *
 * Each check is its own function in `assess/`, composed here in this order: the positions
 * (`positionFindings`: none, NaN, x/y lengths; units, overlap, duplicates, true positions), grouping
 * feasibility when grouping (`groupingFindings`: gridsize, K, C ≤ M), the diffraction when read
 * (`diffractionFindings`: absent, NaN, negative, one value throughout; the reading, empty and outlier
 * patterns, gaps and hot pixels, identical patterns, saturation, dose against nphotons), the given
 * nphotons against `_metadata` (`nphotonsAgreementWarnings`), the object (`objectFindings`) and the
 * evaluation crop (`evaluationOutlook`, the crop and SSIM window of @ptychojs/metrics). Problems
 * refuse (exit 2); warnings each say what to do; `strict` turns every warning into a problem.
 *
 * A finding that makes others meaningless suppresses them (no positions: nothing else; all-zero
 * diffraction: no counts, dose or gap warnings; counts-like data: dose and outliers judged as counts;
 * sub-pixel or coinciding positions: no duplicate, overlap or metrics follow-ons), so no message
 * follows falsely from another.
 *
 * @shape scan.xcoords (M,) pixels
 * @shape scan.diff3d (M, N, N) amplitude
 */
export function assessScan(scan: ScanToAssess | RawData | ScanData, settings: AssessScanSettings): ScanAssessment {
  const { needs } = settings;
  const problems: ScanIssue[] = [], warnings: ScanIssue[] = [];
  const add = <F extends Findings>(f: F): F => { problems.push(...f.problems); warnings.push(...f.warnings); return f; };
  const positions = add(positionFindings(scan));
  let stats: ScanStats = {
    M: scan.xcoords.length, N: scan.N,
    ...(positions.extent ? { extent: positions.extent } : {}), ...(positions.medianStep !== undefined ? { medianStep: positions.medianStep } : {}),
  };
  let outside = 0;
  if (positions.readable) {
    if (needs.grouping) add(groupingFindings(scan.source, scan.xcoords.length, settings));
    const nphotons = statedNphotons(settings.nphotons, scan.metadata);
    if (needs.diffraction) stats = { ...stats, ...add(diffractionFindings(scan, settings.diffraction, nphotons)).stats };
    warnings.push(...nphotonsAgreementWarnings(scan.source, nphotons));
    outside = add(objectFindings(scan, needs, positions.extent)).outside;
  }
  const { evaluation } = add(evaluationOutlook(scan, needs, positions, outside));
  if (settings.strict) return { problems: [...problems, ...warnings.map(strictProblem)], warnings: [], evaluation, stats };
  return { problems, warnings, evaluation, stats };
}
