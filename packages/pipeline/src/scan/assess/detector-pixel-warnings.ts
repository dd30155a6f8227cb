import { MASKING_ADVICE, type DiffractionStats } from '@ptychojs/io';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { DiffractionContext } from './diffraction-context.js';
import type { PatternWords } from './pattern-words.js';
import { HOT_FACTOR, type UnmeasuredPixels } from './unmeasured-pixels.js';

/**
 * Pixels that are no measurement ({@link unmeasuredPixels}), each to be masked: whole rows or
 * columns constant inside the signal (`detector-gaps`), and single pixels holding one value in
 * every pattern that is a detector's flag value or over 10× their brightest neighbour (`hot-pixels`).
 *
 * @param excluded of them, those left out of the counts per pattern (`patternCounts`)
 */
export function detectorPixelWarnings(d: DiffractionContext, s: DiffractionStats, pixels: UnmeasuredPixels, excluded: number, words: PatternWords): ScanIssue[] {
  const { file, key, N, valueText } = d;
  const { where, hotLike } = pixels;
  const { every, ofAll } = words;
  const out: ScanIssue[] = [];
  if (where.columns.length + where.rows.length > 0) {
    const lines = [...where.columns.map((r) => lineText(r, 'column', s.firstFrame, N, valueText)), ...where.rows.map((r) => lineText(r, 'row', s.firstFrame, N, valueText))].join('; ');
    out.push(scanIssue(file, 'detector-gaps', key, `${lines} in ${every}: detector module gaps or dead lines, not measurements`,
      'measured values in every pixel', `the same value in all ${ofAll} patterns${excluded > 0 ? ' (left out of the counts per pattern)' : ''}`,
      `${MASKING_ADVICE}; until then the Poisson likelihood fits them as if measured`));
  }
  if (where.pixels.length > 0) {
    const shown = where.pixels.slice(0, 5).map(([i, j]) => `(${i}, ${j}) = ${valueText(s.firstFrame[i * N + j]!)}`).join(', ');
    const more = where.pixels.length > 5 ? ` and ${where.pixels.length - 5} more` : '';
    const hot = where.pixels.filter(([i, j]) => hotLike[i * N + j]).length;
    const why = hot === where.pixels.length ? `over ${HOT_FACTOR}× the brightest neighbour` : hot === 0 ? "a detector's flag value" : `a detector's flag value or over ${HOT_FACTOR}× the brightest neighbour`;
    out.push(scanIssue(file, 'hot-pixels', key, `${where.pixels.length} pixel${where.pixels.length > 1 ? 's hold' : ' holds'} the same value in ${every}, ${why}: hot or flagged pixels, not measurements`,
      'measured values in every pixel', `(row, column) ${shown}${more}; left out of the counts per pattern`, MASKING_ADVICE));
  }
  return out;
}

/** `columns 30…31 = 65535 (the uint16 maximum)`: a run of flagged lines and its value when they share one. */
function lineText([a, b]: readonly [number, number], what: 'row' | 'column', first: Float32Array, N: number, valueText: (v: number) => string): string {
  const at = (k: number, l: number) => (what === 'row' ? first[k * N + l]! : first[l * N + k]!);
  const v = at(a, 0);
  let same = true;
  for (let k = a; k <= b && same; k++) for (let l = 0; l < N; l++) if (at(k, l) !== v) { same = false; break; }
  return `${what}${b > a ? `s ${a}…${b}` : ` ${a}`}${same ? ` = ${valueText(v)}` : ''}`;
}
