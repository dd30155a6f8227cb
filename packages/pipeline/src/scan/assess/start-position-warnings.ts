import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { ScanToAssess } from './types.js';

/**
 * True positions (`xcoords_start`, `ycoords_start`, where the ground-truth patches are cut) more
 * than N/4 px from the positions (`start-positions-differ`): another unit or frame.
 */
export function startPositionWarnings(scan: ScanToAssess): ScanIssue[] {
  const xs = scan.xcoords, ys = scan.ycoords, xS = scan.xcoordsStart, yS = scan.ycoordsStart, M = xs.length, N = scan.N;
  if (!(xS && yS && xS !== xs && xS.length === M && yS.length === M)) return [];
  let worst = 0, wi = -1;
  for (let i = 0; i < M; i++) {
    const d = Math.hypot(xS[i]! - xs[i]!, yS[i]! - ys[i]!);
    if (d > worst || Number.isNaN(d)) { worst = d; wi = i; }
  }
  if (worst <= N / 4) return [];
  return [scanIssue(scan.source, 'start-positions-differ', 'xcoords_start', `true positions (xcoords_start, ycoords_start) differ from the positions by up to ${fmt(worst)} px (index ${wi})`,
    `within N/4 = ${N / 4} px of (xcoords, ycoords)`, `(${fmt(xS[wi]!)}, ${fmt(yS[wi]!)}) vs (${fmt(xs[wi]!)}, ${fmt(ys[wi]!)})`,
    'write both in the same units and frame (pixels of the object), or drop the _start keys')];
}
