import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { PatternCounts } from './pattern-counts.js';
import type { StatedNphotons } from './stated-nphotons.js';

/** Measured dose and a stated nphotons disagreeing by more than this factor are reported. */
const DOSE_FACTOR = 2;

/**
 * The measured dose (SPEC §3: nphotons = mean counts per pattern) more than 2× from each stated
 * nphotons, the run's and then the file's (`dose-mismatch`).
 */
export function doseWarnings(file: string, counts: PatternCounts, stated: readonly (StatedNphotons | undefined)[]): ScanIssue[] {
  const measured = counts.meanCounts;
  const out: ScanIssue[] = [];
  for (const np of stated) {
    if (!np) continue;
    const r = measured / np.value;
    if (r <= DOSE_FACTOR && r >= 1 / DOSE_FACTOR) continue;
    out.push(scanIssue(file, 'dose-mismatch', np.key, `the data hold ${fmt(measured)} counts per pattern on average${counts.countsLike ? ' (read as counts)' : ''} but ${np.key} = ${fmt(np.value)}`,
      `within ${DOSE_FACTOR}× of ${fmt(np.value)}`, `${fmt(measured)} (×${fmt(r)})`,
      np.key === '--nphotons' ? `set --nphotons ${fmt(measured)} (the measured dose), or check that diff3d is sqrt(counts)` : 'correct _metadata.nphotons or the diffraction scaling'));
  }
  return out;
}
