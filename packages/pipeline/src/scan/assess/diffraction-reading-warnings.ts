import { median } from '@ptychojs/grouping';
import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { DiffractionContext } from './diffraction-context.js';
import type { PatternCounts } from './pattern-counts.js';
import type { StatedNphotons } from './stated-nphotons.js';

/**
 * How the diffraction was read, when the user did not say (a stated reading is not
 * second-guessed): integers read as amplitudes look like raw counts (`diffraction-looks-like-counts`);
 * an integer dtype read as counts by default says so (`diffraction-read-as-counts`). Each gives the
 * counts per pattern both ways, and the stated nphotons to compare them with.
 */
export function diffractionReadingWarnings(d: DiffractionContext, counts: PatternCounts, nphotons: StatedNphotons | undefined): ScanIssue[] {
  const { file, key, storedDtype: stored, reading } = d;
  const { excluded } = counts;
  const leftOut = excluded > 0 ? ` (without the ${excluded} flagged pixels)` : '';
  const says = nphotons ? ` (${nphotons.key} says ${fmt(nphotons.value)})` : '';
  if (counts.countsLike) {
    return [scanIssue(file, 'diffraction-looks-like-counts', key, `every value is an integer (max ${fmt(counts.maxOutside)}${excluded > 0 ? ' outside the flagged pixels' : ''}${stored ? `, stored as ${stored}` : ''}): these look like raw detector counts, not amplitudes sqrt(counts)`,
      'amplitude = sqrt(counts) (SPEC §3), float', `read as amplitudes, ${fmt(median(counts.energy))} counts per pattern${leftOut}; read as counts, ${fmt(counts.medianNonZero)}${says}`,
      `if these are counts, read them as counts (--diffraction counts; checkRawData option diffraction: 'counts') or write sqrt(counts) as diff3d (countsToAmplitude in @ptychojs/io); if they really are amplitudes, say so with --diffraction amplitude`)];
  }
  if (reading.kind === 'counts' && !reading.stated) {
    // Read as counts because of an integer dtype: say so, with the other reading's dose
    // (as amplitudes, a pattern's counts would be Σ value² = Σ amplitude⁴ here).
    return [scanIssue(file, 'diffraction-read-as-counts', key, `stored as ${stored || 'integers'}: read as detector counts, amplitude = sqrt(counts)`,
      'float amplitudes sqrt(counts) (SPEC §3), or the reading stated', `read as counts, ${fmt(counts.medianNonZero)} counts per pattern${leftOut}; read as amplitudes, ${fmt(median(counts.sum4))}${says}`,
      'if these are counts, say so with --diffraction counts (checkRawData option diffraction: \'counts\'); if they are amplitudes, --diffraction amplitude')];
  }
  return [];
}
