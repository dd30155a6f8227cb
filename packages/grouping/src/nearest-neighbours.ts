import { knnAll } from './knn-all.js';

/**
 * Each position's nearest other position (the kd-tree kNN of {@link knnAll}, ties by smaller
 * index) and the distance to it: what the scan step ({@link medianStep}) and the duplicate
 * positions a scan assessment reports are read from.
 *
 * @shape xs, ys (M,) float, M ≥ 2
 * @returns index (M,) int32, the nearest other position of each; distance (M,) float64, in the
 *   positions' unit (pixels when they are)
 * @throws InputError for fewer than two positions (knnAll)
 */
export function nearestNeighbours(xs: ArrayLike<number>, ys: ArrayLike<number>): { readonly index: Int32Array; readonly distance: Float64Array } {
  const M = xs.length;
  const index = knnAll(xs, ys, 1, { excludeSelf: true });
  const distance = new Float64Array(M);
  for (let i = 0; i < M; i++) { const j = index[i]!; distance[i] = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!); }
  return { index, distance };
}
