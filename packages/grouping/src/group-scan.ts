import { InputError, createRng } from '@ptychojs/io';
import { buildKnnIndex } from './build-knn-index.js';
import { checkInteger, checkPositions } from './internal/check-positions.js';
import { knnQueryInto } from './knn-query-into.js';
import type { Groups, Sampling } from './types.js';

/** Options of {@link groupScan} (SPEC §3 "Grouping"). */
export interface GroupScanOptions {
  /** Solution-region side; C = gridsize² positions per group. Integer ≥ 1. */
  readonly gridsize: number;
  /** Number of groups B; defaults to M and is capped at M (seeds are drawn without replacement). */
  readonly nGroups?: number;
  /** Neighbour pool size: channels 1…C−1 are drawn from the seed's K nearest other positions. Default 6; K ≥ C−1. */
  readonly K?: number;
  /** Seed of the random stream (seed sampling and neighbour choice). */
  readonly seed: number;
  /** `'random'` (without replacement) or `'sequential'` (0…B−1). Default `'random'`. */
  readonly sampling?: Sampling;
  /** kdbush leaf size (default 16). */
  readonly nodeSize?: number;
}

/**
 * Groups scan positions into solution regions (SPEC §3 "Grouping"; workflow step 2,
 * sample-then-group). With C = gridsize²:
 * 1. draw B seeds — random without replacement, or sequential 0…B−1;
 * 2. C = 1: each seed is a group;
 *    C > 1: take the seed's K nearest other positions (kdbush kNN, ties by index) and choose C−1 of
 *    them uniformly at random without replacement; the group is [seed, chosen…] (seed = channel 0);
 * 3. coords_offsets = mean of the C positions, coords_relative = −(position − offset).
 *
 * The result depends only on the inputs and `seed`: seeds and neighbour choices use two streams
 * forked from `createRng(seed)`. When K exceeds the M−1 other positions the pool is all of them.
 *
 * @shape xs (M,) float — x = column, pixels
 * @shape ys (M,) float — y = row, pixels
 * @throws InputError for non-integer or < 1 gridsize / nGroups / K, K < C−1, C > M, bad coordinates.
 */
export function groupScan(xs: ArrayLike<number>, ys: ArrayLike<number>, options: GroupScanOptions): Groups {
  const M = checkPositions(xs, ys);
  const { gridsize, seed } = options;
  const K = options.K ?? 6;
  const sampling = options.sampling ?? 'random';
  checkInteger(gridsize, 1, 'gridsize');
  checkInteger(K, 1, 'K');
  if (!Number.isFinite(seed)) throw new InputError('seed must be a finite number', { key: 'seed', expected: 'integer', actual: String(seed) });
  if (sampling !== 'random' && sampling !== 'sequential') {
    throw new InputError('unknown sampling', { key: 'sampling', expected: "'random' | 'sequential'", actual: String(sampling) });
  }
  const C = gridsize * gridsize;
  if (C > 1 && K < C - 1) {
    throw new InputError(`K nearest neighbours must cover the C−1 = ${C - 1} non-seed channels of gridsize ${gridsize}`, { key: 'K', expected: `≥ ${C - 1}`, actual: String(K) });
  }
  if (M < 1) throw new InputError('no scan positions to group', { key: 'xcoords', expected: '(M,) with M ≥ 1', actual: '(0,)' });
  if (C > M) {
    throw new InputError(`gridsize ${gridsize} needs ${C} positions per group but the scan has ${M}`, { key: 'gridsize', expected: `gridsize² ≤ M = ${M}`, actual: `gridsize ${gridsize} (gridsize² = ${C})` });
  }
  if (options.nGroups !== undefined) checkInteger(options.nGroups, 1, 'nGroups');
  const B = Math.min(options.nGroups ?? M, M);

  const root = createRng(seed);
  const sampleRng = root.fork();
  const pickRng = root.fork();

  // 1. Seeds.
  const seeds = new Int32Array(B);
  if (sampling === 'sequential') {
    for (let b = 0; b < B; b++) seeds[b] = b;
  } else {
    const perm = new Int32Array(M);
    for (let i = 0; i < M; i++) perm[i] = i;
    for (let b = 0; b < B; b++) { // partial Fisher–Yates: perm[0…B) is a uniform B-subset in random order
      const j = b + sampleRng.int(M - b);
      const t = perm[b]!; perm[b] = perm[j]!; perm[j] = t;
      seeds[b] = perm[b]!;
    }
  }

  // 2. Members.
  const nnIndices = new Int32Array(B * C);
  if (C === 1) {
    nnIndices.set(seeds);
  } else {
    const index = buildKnnIndex(xs, ys, options.nodeSize ?? 16);
    const pool = Math.min(K, M - 1);
    const nbr = new Int32Array(pool);
    for (let b = 0; b < B; b++) {
      const s = seeds[b]!;
      knnQueryInto(index, xs[s]!, ys[s]!, pool, nbr, 0, s);
      nnIndices[b * C] = s;
      for (let t = 0; t < C - 1; t++) { // partial Fisher–Yates over the pool
        const j = t + pickRng.int(pool - t);
        const v = nbr[j]!; nbr[j] = nbr[t]!; nbr[t] = v;
        nnIndices[b * C + 1 + t] = v;
      }
    }
  }

  // 3. Coordinates, (B, 1, 2, C) with axis 2 = [x, y].
  const coordsNn = new Float64Array(B * 2 * C);
  const coordsOffsets = new Float64Array(B * 2);
  const coordsRelative = new Float64Array(B * 2 * C);
  for (let b = 0; b < B; b++) {
    const base = b * 2 * C;
    let sx = 0, sy = 0;
    for (let c = 0; c < C; c++) {
      const i = nnIndices[b * C + c]!;
      const x = xs[i]!, y = ys[i]!;
      coordsNn[base + c] = x; coordsNn[base + C + c] = y;
      sx += x; sy += y;
    }
    const ox = sx / C, oy = sy / C;
    coordsOffsets[2 * b] = ox; coordsOffsets[2 * b + 1] = oy;
    for (let c = 0; c < C; c++) {
      coordsRelative[base + c] = -(coordsNn[base + c]! - ox);
      coordsRelative[base + C + c] = -(coordsNn[base + C + c]! - oy);
    }
  }
  return { B, C, gridsize, nnIndices, coordsNn, coordsOffsets, coordsRelative };
}
