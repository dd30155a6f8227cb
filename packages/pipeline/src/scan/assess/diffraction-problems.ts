import type { DiffractionStats } from '@ptychojs/io';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import { uniformDiffractionProblem } from '../uniform-diffraction-problem.js';
import type { DiffractionContext } from './diffraction-context.js';
import { diffractionStats } from './diffraction-stats.js';
import type { ScanToAssess } from './types.js';

/**
 * Whether the diffraction can be read at all (problems; SPEC §3 normalization divides by its
 * energy): present, one N×N pattern per position, finite, non-negative, and not one value
 * throughout ({@link uniformDiffractionProblem}: all zero or a flag value, which carry no
 * diffraction). `stats`, when it can: the statistics its content is judged by, `checkRawData`'s
 * (`scan.diffractionStats`) or gathered here from `diff3d`.
 */
export function diffractionProblems(scan: ScanToAssess, d: DiffractionContext): { readonly problems: ScanIssue[]; readonly stats?: DiffractionStats } {
  const { file, key, M, N } = d;
  const given = scan.diffractionStats;
  const values = given ? undefined : scan.diff3d;
  if (!given && values === undefined) {
    return { problems: [scanIssue(file, 'diffraction-missing', 'diff3d', 'no diffraction patterns', `diff3d (${M}, N, N) amplitude`, 'absent', `add the measured patterns as 'diff3d'`)] };
  }
  if (values !== undefined && values.length !== M * N * N) {
    return { problems: [scanIssue(file, 'diffraction-missing', key, 'diffraction size does not match M positions of N×N', `(${M}, ${N}, ${N}) = ${M * N * N} values`, `${values.length} values`, 'write one N×N pattern per position')] };
  }
  const s = given ?? diffractionStats(values!, M, N, new Set(d.flags.keys()));
  const shape = [M, N, N];
  const problems: ScanIssue[] = [];
  if (s.nonFinite > 0) {
    problems.push(scanIssue(file, 'diffraction-not-finite', key, `${s.nonFinite} NaN/Inf value${s.nonFinite > 1 ? 's' : ''}, first at ${indexText(s.firstNonFinite, shape)}`, 'finite amplitudes', `${s.nonFinite} non-finite`, 'replace masked or saturated pixels by a finite estimate (or drop those patterns)'));
  }
  if (s.negative > 0) {
    problems.push(scanIssue(file, 'diffraction-negative', key, `${s.negative} negative amplitude${s.negative > 1 ? 's' : ''}, first at ${indexText(s.firstNegative, shape)}`, 'amplitudes ≥ 0 (sqrt of counts)', `${s.negative} negative`, 'clip background-subtracted data at 0 before writing amplitudes'));
  }
  if (problems.length > 0) return { problems };
  // One value throughout (zero, or a flag value): no diffraction at all; nothing else about it means anything.
  if (s.min === s.max) return { problems: [uniformDiffractionProblem({ file, key, M, ...(s.frameIndex ? { patternsRead: s.patterns } : {}) }, s.max, d.storedDtype, d.reading.kind)] };
  return { problems, stats: s };
}

/** `(m, i, j)` text of flat C index `k` in `shape`. */
function indexText(k: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]!); k = Math.floor(k / shape[d]!); }
  return `(${idx.join(', ')})`;
}
