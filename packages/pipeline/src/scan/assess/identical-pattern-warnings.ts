import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { DiffractionContext } from './diffraction-context.js';
import type { PatternWords } from './pattern-words.js';

/**
 * Every pattern the same, bit for bit (`identical-patterns`; `unmeasuredPixels`' `identical`): a
 * stale frame buffer or a stage that did not move. Ptychography needs patterns that change with position.
 *
 * @param patterns how many patterns the statistics hold
 */
export function identicalPatternWarnings(d: DiffractionContext, identical: boolean, patterns: number, words: PatternWords): ScanIssue[] {
  if (!identical) return [];
  return [scanIssue(d.file, 'identical-patterns', d.key, `all ${words.ofAll} patterns are identical, bit for bit`, 'patterns that change with the scan position', `${patterns} copies of pattern ${words.frame(0)}`,
    'check the detector export (a stale frame buffer written for every position) or that the stage moved; ptychography needs patterns that change with position')];
}
