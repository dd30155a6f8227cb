import { MASKING_ADVICE, type DiffractionStats } from '@ptychojs/io';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { DiffractionContext } from './diffraction-context.js';
import type { PatternWords } from './pattern-words.js';

/**
 * Values at a detector's flag value that is also the data's ceiling, in pixels that are otherwise
 * measured (`saturated-pixels`): saturated counts, lower bounds of the true intensity. A float file
 * whose values pass an integer type's maximum merely holds that number somewhere (one Poisson draw
 * of 32767 counts at 10⁹), so only a value equal to the largest of the data counts.
 *
 * @param unmeasured (N, N) 1 where a pixel is no measurement (reported as such, not as saturated)
 */
export function saturationWarnings(d: DiffractionContext, s: DiffractionStats, unmeasured: Uint8Array, words: PatternWords): ScanIssue[] {
  const { N } = d;
  let saturated = 0, satPixels = 0, worst = -1;
  for (let p = 0; p < N * N; p++) {
    const c = s.flagCount[p]!;
    if (c === 0 || unmeasured[p] || s.flagValue[p]! < s.max) continue;
    saturated += c; satPixels++;
    if (worst < 0 || c > s.flagCount[worst]!) worst = p;
  }
  if (saturated === 0) return [];
  const v = s.flagValue[worst]!;
  return [scanIssue(d.file, 'saturated-pixels', d.key, `${saturated} value${saturated > 1 ? 's' : ''} in ${satPixels} pixel${satPixels > 1 ? 's' : ''} equal ${d.valueText(v)}, most often at (row, column) (${Math.floor(worst / N)}, ${worst % N}) (${s.flagCount[worst]} of ${words.ofAll} patterns): saturated, or flagged by the detector`,
    `values below ${d.flags.get(v)}`, `${saturated} at that value`,
    `if saturated, those counts are lower bounds (the true intensity was higher): ${MASKING_ADVICE}; next time reduce the exposure or attenuate the central beam`)];
}
