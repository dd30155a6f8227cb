import { median } from './median.js';
import { knnAll } from './knn-all.js';

/**
 * The scan step: the median over positions of the distance to the nearest other position (pixels
 * when the positions are), via the kd-tree kNN. NaN for fewer than two positions.
 *
 * @shape xs, ys (M,) float
 */
export function medianStep(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const M = xs.length;
  if (M < 2) return Number.NaN;
  const nn = knnAll(xs, ys, 1, { excludeSelf: true });
  const dist = new Float64Array(M);
  for (let i = 0; i < M; i++) { const j = nn[i]!; dist[i] = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!); }
  return median(dist);
}
