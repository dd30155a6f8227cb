import { detectorPixelWarnings } from './detector-pixel-warnings.js';
import { diffractionContext, type DiffractionContext } from './diffraction-context.js';
import { diffractionProblems } from './diffraction-problems.js';
import { diffractionReadingWarnings } from './diffraction-reading-warnings.js';
import { doseWarnings } from './dose-warnings.js';
import { identicalPatternWarnings } from './identical-pattern-warnings.js';
import { patternCounts } from './pattern-counts.js';
import { patternTotalWarnings } from './pattern-total-warnings.js';
import { patternWords } from './pattern-words.js';
import { saturationWarnings } from './saturation-warnings.js';
import type { StatedNphotons } from './stated-nphotons.js';
import type { Findings, ScanStats, ScanToAssess } from './types.js';
import { unmeasuredPixels } from './unmeasured-pixels.js';

/**
 * The diffraction's checks in order: can it be read ({@link diffractionProblems}); then, when it
 * can, its content: the reading ({@link diffractionReadingWarnings}), the pattern totals
 * ({@link patternTotalWarnings}), pixels that are no measurement ({@link detectorPixelWarnings}),
 * identical patterns ({@link identicalPatternWarnings}), saturation ({@link saturationWarnings})
 * and the dose against each stated nphotons ({@link doseWarnings}). A stack that cannot be read
 * gets no finding about its content. `stats`: the counts per pattern, when measured.
 */
export function diffractionFindings(scan: ScanToAssess, reading: DiffractionContext['reading'] | undefined, nphotons: { readonly given?: StatedNphotons; readonly recorded?: StatedNphotons }): Findings & { readonly stats?: Pick<ScanStats, 'excludedPixels' | 'countsPerPattern' | 'meanCounts'> } {
  const d = diffractionContext(scan, reading);
  const { problems, stats: s } = diffractionProblems(scan, d);
  if (!s) return { problems, warnings: [] };
  const pixels = unmeasuredPixels(s, d.N, d.flags);
  const counts = patternCounts(s, pixels.flagged, d.reading);
  const words = patternWords(s, d.M);
  const warnings = [
    ...diffractionReadingWarnings(d, counts, nphotons.given ?? nphotons.recorded),
    ...patternTotalWarnings(d, counts, words),
    ...detectorPixelWarnings(d, s, pixels, counts.excluded, words),
    ...identicalPatternWarnings(d, pixels.identical, s.patterns, words),
    ...saturationWarnings(d, s, pixels.flagged, words),
    ...doseWarnings(d.file, counts, [nphotons.given, nphotons.recorded]),
  ];
  return {
    problems, warnings,
    stats: { ...(counts.excluded > 0 ? { excludedPixels: counts.excluded } : {}), countsPerPattern: counts.countsPerPattern, meanCounts: counts.meanCounts },
  };
}
