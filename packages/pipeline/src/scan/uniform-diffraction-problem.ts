import { detectorFlagValues, type DiffractionKind } from '@ptychojs/io';
import { scanIssue, type ScanIssue } from './scan-issue.js';
import { fmt } from '../internal/fmt.js';

/**
 * The problem with a diffraction stack that holds one value throughout (`assessScan`'s
 * `diffraction-all-zero` and `diffraction-constant`): no pattern recorded anything, so the scan
 * is refused (SPEC §3 normalization divides by the mean pattern energy; a constant carries no
 * diffraction). One wording whoever finds it: `assessScan` on the arrays, or a streaming check
 * that found the same before reading a huge file whole (`uniformNpzMember` of @ptychojs/io/node).
 *
 * @param value the value as read (amplitude space: counts read as counts are its square)
 * @param storedDtype numpy name of the stored dtype (`uint16`…), to recognise a detector's flag value
 */
export function uniformDiffractionProblem(where: { readonly file: string; readonly key: string; readonly M: number; readonly patternsRead?: number }, value: number, storedDtype: string, reading: DiffractionKind): ScanIssue {
  const { file, key, M, patternsRead } = where;
  // From a sample of frames, say so: what was read holds one value.
  const sampled = patternsRead !== undefined ? ` (${patternsRead} of ${M} frames read)` : '';
  const which = patternsRead !== undefined ? 'sampled ' : '';
  const issue = (code: ScanIssue['code'], what: string, expected: string, actual: string, fix: string): ScanIssue => scanIssue(file, code, key, what, expected, actual, fix);
  if (value === 0) {
    return issue('diffraction-all-zero', `every ${which}diffraction pattern is zero${sampled}`, 'some non-zero counts (normalization divides by the mean pattern energy, SPEC §3)', `all ${patternsRead ?? M}${patternsRead !== undefined ? ' sampled' : ''} patterns zero`,
      'check the detector export (wrong dataset, dark frames, or a mask applied to everything)');
  }
  const text = detectorFlagValues(storedDtype, reading).get(value) ?? fmt(reading === 'counts' ? value * value : value);
  return issue('diffraction-constant', `every value of every ${which}diffraction pattern is ${text}${sampled}: no diffraction was recorded`, 'patterns that vary with the scattering angle', `all ${patternsRead ?? M}${patternsRead !== undefined ? ' sampled' : ''} patterns constant`,
    'check the detector export (a saturated or flagged frame stack, the wrong dataset, or an offset with no signal)');
}
