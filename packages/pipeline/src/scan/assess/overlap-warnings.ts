import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';

/**
 * A median step over N/2 px (`step-exceeds-probe`): neighbouring illuminations cannot overlap, as
 * the probe fits in N/2 for the 2× oversampling of the far-field model (SPEC §3).
 *
 * @param step median nearest-neighbour distance, pixels
 */
export function overlapWarnings(file: string, N: number, step: number): ScanIssue[] {
  if (!(step > N / 2)) return [];
  return [scanIssue(file, 'step-exceeds-probe', 'xcoords', `median step ${fmt(step)} px exceeds N/2 = ${N / 2} px: neighbouring illuminations cannot overlap`,
    `a step below the probe diameter (≤ N/2 = ${N / 2} px at 2× oversampling)`, `${fmt(step)} px`,
    'check the position units (nanometres or microns instead of pixels?) or rescan with overlap; ptychography needs overlapping illuminations')];
}
