import type { ScanBox } from '@ptychojs/metrics';
import { fmt } from '../../internal/fmt.js';
import { findingsFor } from './findings-for.js';
import type { Findings, ScanNeeds, ScanToAssess } from './types.js';

/**
 * The object against the positions. Absent where it is needed (`object-missing`: the object to
 * simulate from, or the ground truth to evaluate against). Positions outside it
 * (`positions-outside-object`): a problem when simulating from it, else a warning (ground-truth
 * patches and metrics use only the overlap), with a hint when x and y look swapped or the positions
 * centred on 0. When simulating, N×N patches reaching past its edge, where it is zero
 * (`patches-cross-object-edge`). `outside`: how many positions lie outside it.
 *
 * @param extent box spanned by the positions; absent when they are not all finite (nothing is judged then)
 */
export function objectFindings(scan: ScanToAssess, needs: ScanNeeds, extent: ScanBox | undefined): Findings & { readonly outside: number } {
  const { findings, problem, warn } = findingsFor(scan.source);
  const obj = scan.objectGuess, simulating = needs.simulation;
  const objKey = simulating ? 'object' : 'objectGuess';
  if (obj === undefined) {
    if (simulating || needs.evaluation === 'required') {
      problem('object-missing', objKey, simulating ? 'no object to simulate from' : 'no ground truth to evaluate against', '(H, W) complex', 'absent', `provide the ${objKey}`);
    }
    return { ...findings, outside: 0 };
  }
  if (!extent || obj.shape.length !== 2) return { ...findings, outside: 0 };
  const [H, W] = obj.shape as [number, number];
  const xs = scan.xcoords, ys = scan.ycoords, M = xs.length, N = scan.N;
  let outside = 0, firstOut = -1, crossing = 0, firstCross = -1, swappedFit = true;
  for (let i = 0; i < M; i++) {
    const x = xs[i]!, y = ys[i]!;
    if (!(x >= 0 && x <= W - 1 && y >= 0 && y <= H - 1)) { if (outside++ === 0) firstOut = i; }
    // A patch at x reads columns floor(x) − N/2 … ceil(x) + N/2 − 1 (SPEC §3; the bilinear
    // neighbour only when x is fractional), so it is inside for N/2 ≤ x ≤ W − N/2 — the range the
    // simulator's scanBounds lays scans in.
    if (!(x - N / 2 >= 0 && x + N / 2 <= W && y - N / 2 >= 0 && y + N / 2 <= H)) { if (crossing++ === 0) firstCross = i; }
    if (!(y >= 0 && y <= W - 1 && x >= 0 && x <= H - 1)) swappedFit = false;
  }
  const span = `x ${fmt(extent.xmin)} … ${fmt(extent.xmax)}, y ${fmt(extent.ymin)} … ${fmt(extent.ymax)}`;
  if (outside > 0) {
    const hint = swappedFit && H !== W ? ' (they all fit with x and y swapped: x is the column, y the row, SPEC §3)'
      : extent.xmin < 0 && extent.ymin < 0 ? ' (negative positions: centred on the scan? the object frame starts at its top-left pixel)' : '';
    const say = simulating ? problem : warn;
    say('positions-outside-object', 'xcoords', `${outside} of ${M} scan positions lie outside the ${H}×${W} ${objKey}${hint}, first ${firstOut} at (${fmt(xs[firstOut]!)}, ${fmt(ys[firstOut]!)})`,
      `0 ≤ x ≤ ${W - 1}, 0 ≤ y ≤ ${H - 1} (pixels of ${objKey})`, span,
      simulating ? 'place the scan inside the object (positions are pixel coordinates of the object)' : 'positions and objectGuess must share one pixel frame: shift/scale the positions or pad the object; ground-truth patches and metrics use only the overlap');
  } else if (simulating && crossing > 0) {
    warn('patches-cross-object-edge', 'xcoords', `${crossing} of ${M} N×N patches reach past the ${H}×${W} object, first at position ${firstCross} (${fmt(xs[firstCross]!)}, ${fmt(ys[firstCross]!)}); the object is zero outside (SPEC §3)`,
      `N/2 ≤ x ≤ ${W - N / 2}, N/2 ≤ y ≤ ${H - N / 2}`, span,
      `pad the object by N/2 = ${N / 2} px or keep the scan ${N / 2} px from its edge`);
  }
  return { ...findings, outside };
}
