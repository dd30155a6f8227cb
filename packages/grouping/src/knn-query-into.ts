import type KDBush from 'kdbush';

// Scratch shared by every query (kdbush does the same): the DFS stack holds at most one pending far
// child per tree level plus the current node, and a kd-tree over ≤ 2³² items has ≤ 32 levels.
const STACK_RANGE = new Int32Array(3 * 128); // left, right, axis
const STACK_BOUND = new Float64Array(128); // lower bound on the squared distance to that subtree
let DIST = new Float64Array(32);

/**
 * The `k` nearest indexed points to (qx, qy), written into `out[outOffset … outOffset+count)`
 * sorted by Euclidean distance, ties broken by smaller index, so results are deterministic.
 * Returns `count = min(k, items available)`. Allocation-free (mourner/kdbush `*Into` style).
 *
 * Best-first over kdbush's public kd-sorted `ids`/`coords` arrays: a depth-first walk that visits
 * the nearer half first and skips a subtree whose lower-bound distance exceeds the current k-th
 * distance (a bound equal to it is still visited, since an equally distant point with a smaller
 * index wins the tie).
 *
 * @param exclude an item index to skip (the query's own index for "K nearest other positions"), or −1.
 */
export function knnQueryInto(index: KDBush, qx: number, qy: number, k: number, out: Int32Array, outOffset = 0, exclude = -1): number {
  if (!index._finished) throw new Error('knnQueryInto: index not finished; call finish() first');
  const { ids, coords, nodeSize } = index;
  const n = ids.length;
  if (k <= 0 || n === 0) return 0;
  if (DIST.length < k) DIST = new Float64Array(Math.max(k, 2 * DIST.length));
  const dist = DIST;
  let count = 0;
  let worst = Infinity; // squared distance of the k-th candidate while the buffer is full
  let worstId = 0x7fffffff;

  const consider = (id: number, px: number, py: number): void => {
    if (id === exclude) return;
    const dx = px - qx, dy = py - qy;
    const d = dx * dx + dy * dy;
    let p: number;
    if (count < k) p = count++;
    else if (d < worst || (d === worst && id < worstId)) p = k - 1;
    else return;
    while (p > 0) {
      const dp = dist[p - 1]!, ip = out[outOffset + p - 1]!;
      if (dp < d || (dp === d && ip < id)) break;
      dist[p] = dp; out[outOffset + p] = ip; p--;
    }
    dist[p] = d; out[outOffset + p] = id;
    if (count === k) { worst = dist[k - 1]!; worstId = out[outOffset + k - 1]!; }
  };

  let sp = 0;
  STACK_RANGE[0] = 0; STACK_RANGE[1] = n - 1; STACK_RANGE[2] = 0; STACK_BOUND[0] = 0; sp = 1;
  while (sp > 0) {
    sp--;
    const bound = STACK_BOUND[sp]!;
    if (bound > worst) continue;
    const left = STACK_RANGE[3 * sp]!, right = STACK_RANGE[3 * sp + 1]!, axis = STACK_RANGE[3 * sp + 2]!;
    // Leaves are exactly the ranges kdbush's sort left unsorted (same test as its range query).
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) consider(ids[i]!, coords[2 * i]!, coords[2 * i + 1]!);
      continue;
    }
    const m = (left + right) >> 1;
    const mx = coords[2 * m]!, my = coords[2 * m + 1]!;
    consider(ids[m]!, mx, my);
    // Items in [left, m−1] lie at ≤ the split value on `axis`, items in [m+1, right] at ≥ it.
    const split = axis === 0 ? qx - mx : qy - my;
    const farBound = Math.max(bound, split * split);
    const nextAxis = 1 - axis;
    const nearLeft = split <= 0;
    const farL = nearLeft ? m + 1 : left, farR = nearLeft ? right : m - 1;
    const nearL = nearLeft ? left : m + 1, nearR = nearLeft ? m - 1 : right;
    if (farL <= farR && farBound <= worst) {
      STACK_RANGE[3 * sp] = farL; STACK_RANGE[3 * sp + 1] = farR; STACK_RANGE[3 * sp + 2] = nextAxis; STACK_BOUND[sp] = farBound; sp++;
    }
    if (nearL <= nearR) {
      STACK_RANGE[3 * sp] = nearL; STACK_RANGE[3 * sp + 1] = nearR; STACK_RANGE[3 * sp + 2] = nextAxis; STACK_BOUND[sp] = bound; sp++;
    }
  }
  return count;
}
