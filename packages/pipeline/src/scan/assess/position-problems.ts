import { scanIssue, type ScanIssue } from '../scan-issue.js';

/**
 * Whether the positions can be judged at all; each finding refuses every command. None (M = 0),
 * or x and y of different lengths: nothing else about the scan is judged (`readable` false).
 * NaN/Inf positions (`finite` false): no extent, step, object or evaluation box follows.
 *
 * @shape xs, ys (M,) pixels
 */
export function positionProblems(file: string, xs: ArrayLike<number>, ys: ArrayLike<number>): { readonly problems: ScanIssue[]; readonly readable: boolean; readonly finite: boolean } {
  const M = xs.length;
  if (M === 0) {
    return { problems: [scanIssue(file, 'no-positions', 'xcoords', 'no scan positions (M = 0)', '(M,) with M ≥ 1', '(0,)', 'the file holds no scan: check that the acquisition wrote its positions and patterns')], readable: false, finite: false };
  }
  if (ys.length !== M) {
    return { problems: [scanIssue(file, 'coordinate-length-mismatch', 'ycoords', 'x and y coordinates differ in length', `(${M},) like xcoords`, `(${ys.length},)`, 'write one x and one y per scan position')], readable: false, finite: false };
  }
  let bad = 0, firstBad = -1;
  for (let i = 0; i < M; i++) if (!Number.isFinite(xs[i]!) || !Number.isFinite(ys[i]!)) { if (bad++ === 0) firstBad = i; }
  if (bad === 0) return { problems: [], readable: true, finite: true };
  return {
    problems: [scanIssue(file, 'positions-not-finite', Number.isFinite(xs[firstBad]!) ? 'ycoords' : 'xcoords', `${bad} scan position${bad > 1 ? 's are' : ' is'} NaN/Inf, first at index ${firstBad}`, 'finite positions in pixels', `(${xs[firstBad]}, ${ys[firstBad]})`, 'drop the positions (and their patterns) that the encoder did not record')],
    readable: true, finite: false,
  };
}
