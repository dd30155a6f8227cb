import type KDBush from 'kdbush';
import { knnQueryInto } from './knn-query-into.js';

/** Options of {@link knnQuery}. */
export interface KnnQueryOptions {
  /** Item index to leave out (e.g. the query's own position), default none. */
  readonly exclude?: number;
}

/**
 * The `k` nearest points of `index` to (x, y), sorted by distance (ties: smaller index first).
 * Returns fewer than `k` only when the index holds fewer eligible points.
 * See {@link knnQueryInto} for the allocation-free form.
 *
 * @returns (≤ k,) int32 item indices.
 */
export function knnQuery(index: KDBush, x: number, y: number, k: number, options: KnnQueryOptions = {}): Int32Array {
  const out = new Int32Array(Math.max(0, Math.min(k, index.numItems)));
  const count = knnQueryInto(index, x, y, out.length, out, 0, options.exclude ?? -1);
  return count === out.length ? out : out.slice(0, count);
}
