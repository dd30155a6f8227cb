import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';

/** Positions closer than this (pixels) illuminate the same spot: duplicates. */
const DUPLICATE_PX = 0.01;

/**
 * Positions within 0.01 px of another (`duplicate-positions`): a stalled motor or a double trigger.
 *
 * @shape xs, ys (M,) pixels
 * @param nearest each position's nearest other position and the distance to it (`nearestNeighbours` of @ptychojs/grouping)
 */
export function duplicatePositionWarnings(file: string, xs: ArrayLike<number>, ys: ArrayLike<number>, nearest: { readonly index: Int32Array; readonly distance: Float64Array }): ScanIssue[] {
  let dup = 0, di = -1;
  for (let i = 0; i < xs.length; i++) if (nearest.distance[i]! <= DUPLICATE_PX) { if (dup++ === 0) di = i; }
  if (dup === 0) return [];
  const dj = nearest.index[di]!;
  return [scanIssue(file, 'duplicate-positions', 'xcoords', `${dup} position${dup > 1 ? 's coincide' : ' coincides'} with another (within ${DUPLICATE_PX} px), first ${di} and ${dj} at (${fmt(xs[di]!)}, ${fmt(ys[di]!)})`,
    'distinct scan positions', `${dup} duplicated`, 'remove repeated frames (a stalled motor or a double trigger) or average their patterns')];
}
