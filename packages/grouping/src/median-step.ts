import { median } from './median.js';
import { nearestNeighbours } from './nearest-neighbours.js';

/**
 * The scan step: the median over positions of the distance to the nearest other position (pixels
 * when the positions are), via the kd-tree kNN. NaN for fewer than two positions.
 *
 * @shape xs, ys (M,) float
 */
export function medianStep(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  if (xs.length < 2) return Number.NaN;
  return median(nearestNeighbours(xs, ys).distance);
}
