import { InputError } from '@ptychojs/io';
import { checkPositions } from './internal/check-positions.js';
import { medianStep } from './median-step.js';

/** Two interleaved halves of a scan ({@link halfScanSplit}). */
export interface HalfScanSplit {
  /**
   * 'checkerboard': the positions lie on a (possibly jittered) rectangular grid, split by the
   * parity of row + column; 'parity': any other scan, split by the parity of the position index.
   */
  readonly kind: 'checkerboard' | 'parity';
  /** Indices of the positions of each half, ascending. */
  readonly halves: readonly [Int32Array, Int32Array];
  /** The grid found (checkerboard only): rows, columns and the mean steps, pixels. */
  readonly grid?: { readonly rows: number; readonly cols: number; readonly stepX: number; readonly stepY: number };
}

/**
 * Split a scan into two interleaved halves for the half-scan FRC (issue 17), each covering the
 * whole scanned area at half the density. A rectangular raster — exact or jittered by up to about
 * a quarter step — is recognized by clustering the sorted x and the sorted y coordinates (a new
 * row or column starts where consecutive values jump by more than 0.35 × the median
 * nearest-neighbour distance); it is a grid when there are ≥ 2 rows and ≥ 2 columns, no row or
 * column spans more than 0.75 of the step between them, and no two positions share a (row, column)
 * cell. Then the halves are the two colours of a checkerboard, (row + column) even or odd: each
 * half is a grid rotated by 45° with √2 × the step, which index parity would not give on a raster
 * of even row length (it would take every other column). Any other scan (spiral, random, rotated
 * grid) is split by index parity: even and odd positions of the scan order.
 *
 * @shape xs, ys (M,) scan positions, pixels
 * @throws InputError for fewer than 4 positions or non-finite coordinates
 */
export function halfScanSplit(xs: ArrayLike<number>, ys: ArrayLike<number>): HalfScanSplit {
  const M = checkPositions(xs, ys);
  if (M < 4) throw new InputError('a half-scan split needs at least 4 scan positions', { key: 'xcoords', expected: 'M ≥ 4', actual: String(M) });
  const grid = rasterCells(xs, ys, M);
  const a: number[] = [], b: number[] = [];
  for (let k = 0; k < M; k++) ((grid ? (grid.row[k]! + grid.col[k]!) % 2 : k % 2) === 0 ? a : b).push(k);
  return {
    kind: grid ? 'checkerboard' : 'parity', halves: [Int32Array.from(a), Int32Array.from(b)],
    ...(grid ? { grid: { rows: grid.rows, cols: grid.cols, stepX: grid.stepX, stepY: grid.stepY } } : {}),
  };
}

/** Row and column of each position when the scan is a rectangular raster, else undefined. */
function rasterCells(xs: ArrayLike<number>, ys: ArrayLike<number>, M: number) {
  const s0 = medianStep(xs, ys);
  if (!(s0 > 0)) return undefined;
  const cx = clusters(xs, M, 0.35 * s0), cy = clusters(ys, M, 0.35 * s0);
  if (!cx || !cy || cx.count < 2 || cy.count < 2) return undefined;
  const seen = new Set<number>();
  for (let k = 0; k < M; k++) {
    const cell = cy.index[k]! * cx.count + cx.index[k]!;
    if (seen.has(cell)) return undefined;
    seen.add(cell);
  }
  return { row: cy.index, col: cx.index, rows: cy.count, cols: cx.count, stepX: cx.step, stepY: cy.step };
}

/** 1-D clusters of sorted values split at gaps > `gap`; undefined when one spans more than 0.75 × the mean step between cluster centres. */
function clusters(v: ArrayLike<number>, M: number, gap: number) {
  const order = Array.from({ length: M }, (_, i) => i).sort((i, j) => v[i]! - v[j]!);
  const index = new Int32Array(M), lo: number[] = [], hi: number[] = [], sum: number[] = [], n: number[] = [];
  let c = 0;
  lo.push(v[order[0]!]!); hi.push(v[order[0]!]!); sum.push(0); n.push(0);
  for (let t = 0; t < M; t++) {
    const k = order[t]!, x = v[k]!;
    if (t > 0 && x - v[order[t - 1]!]! > gap) { c++; lo.push(x); hi.push(x); sum.push(0); n.push(0); }
    index[k] = c; hi[c] = x; sum[c] = sum[c]! + x; n[c] = n[c]! + 1;
  }
  const count = c + 1;
  if (count < 2) return { index, count, step: 0 };
  const step = (sum[count - 1]! / n[count - 1]! - sum[0]! / n[0]!) / (count - 1);
  for (let i = 0; i < count; i++) if (hi[i]! - lo[i]! > 0.75 * step) return undefined;
  return { index, count, step };
}
