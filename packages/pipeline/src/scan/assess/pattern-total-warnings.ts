import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { DiffractionContext } from './diffraction-context.js';
import type { PatternCounts } from './pattern-counts.js';
import type { PatternWords } from './pattern-words.js';

/** Pattern totals beyond this factor from the median are outliers (beam loss, saturation, dropped frames). */
const OUTLIER_FACTOR = 10;

/**
 * Patterns whose totals are off: entirely zero (`empty-patterns`: beam off, dropped frames), or,
 * among three or more with counts, more than 10× from the median either way (`outlier-patterns`).
 */
export function patternTotalWarnings(d: DiffractionContext, counts: PatternCounts, words: PatternWords): ScanIssue[] {
  const { file, key } = d;
  const { perPattern, medianNonZero: med } = counts;
  const { frame, ofAll } = words;
  const out: ScanIssue[] = [];
  const zero = perPattern.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
  if (zero > 0) {
    const first = perPattern.findIndex((v) => v === 0);
    out.push(scanIssue(file, 'empty-patterns', key, `${zero} of ${ofAll} patterns are entirely zero, first at index ${frame(first)}`, 'every pattern recorded photons', `${zero} empty`,
      'drop the empty frames and their positions (beam off, shutter closed, dropped frames); they train the model towards a dark object'));
  }
  if (counts.nonZero >= 3 && med > 0) {
    let hi = 0, lo = 0, first = -1;
    for (let m = 0; m < perPattern.length; m++) {
      const v = perPattern[m]!;
      if (v === 0) continue;
      const side = v > OUTLIER_FACTOR * med ? 'hi' : v < med / OUTLIER_FACTOR ? 'lo' : '';
      if (side === 'hi') hi++; else if (side === 'lo') lo++;
      if (side && first < 0) first = m;
    }
    if (hi + lo > 0) {
      out.push(scanIssue(file, 'outlier-patterns', key, `${hi + lo} pattern${hi + lo > 1 ? 's have' : ' has'} a total more than ${OUTLIER_FACTOR}× from the median ${fmt(med)} counts (${hi} above, ${lo} below), first at index ${frame(first)} (${fmt(perPattern[first]!)})`,
        `totals within ${OUTLIER_FACTOR}× of the median`, `${hi} bright, ${lo} faint`, 'check those frames for beam loss, saturation or a wrong exposure time; drop or rescale them'));
    }
  }
  return out;
}
