import { InputError } from '@ptychojs/io';
import { buildKnnIndex } from './build-knn-index.js';
import { checkInteger } from './internal/check-positions.js';
import { knnQueryInto } from './knn-query-into.js';

/** Options of {@link knnAll}. */
export interface KnnAllOptions {
  /** Leave each point out of its own neighbour list ("K nearest other positions"). Default false. */
  readonly excludeSelf?: boolean;
  /** kdbush leaf size; 16 is fastest for kNN (lab notes §9). */
  readonly nodeSize?: number;
}

/**
 * The `k` nearest neighbours of every point (SPEC §3 "Grouping"), sorted by Euclidean distance with
 * ties broken by smaller index. Duplicate positions are distinct points at distance 0; with
 * `excludeSelf` only the point's own index is dropped.
 *
 * Queries run in kd-tree order (consecutive queries touch the same leaves), results land in input order.
 *
 * @shape xs (M,) float
 * @shape ys (M,) float
 * @returns (M, k) int32, row i = neighbours of point i.
 * @throws InputError when k < 1 or k exceeds the points available (M, or M−1 with excludeSelf).
 */
export function knnAll(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number, options: KnnAllOptions = {}): Int32Array {
  const excludeSelf = options.excludeSelf ?? false;
  const index = buildKnnIndex(xs, ys, options.nodeSize ?? 16);
  const M = index.numItems;
  checkInteger(k, 1, 'k');
  const available = excludeSelf ? M - 1 : M;
  if (k > available) {
    throw new InputError(`knnAll: asked for ${k} neighbours but only ${available} ${excludeSelf ? 'other ' : ''}points exist`, { key: 'k', expected: `≤ ${available}`, actual: String(k) });
  }
  const out = new Int32Array(M * k);
  const { ids, coords } = index;
  for (let j = 0; j < M; j++) {
    const q = ids[j]!;
    knnQueryInto(index, coords[2 * j]!, coords[2 * j + 1]!, k, out, q * k, excludeSelf ? q : -1);
  }
  return out;
}
