import { InputError } from '@ptychojs/io';
import { blockStart } from './block-start.js';
import { resolveCentralSize } from './resolve-central-size.js';
import type { CanvasFrame } from './types.js';

/**
 * The smallest canvas that holds the bilinear footprint of every patch's central M×M crop
 * (SPEC §4: no clipping), and its origin in the input frame (SPEC §3).
 *
 * The crop of the patch at (x, y) covers the object points rows y − M/2 + i', columns
 * x − M/2 + j' (i', j' in 0..M−1). Placed bilinearly, it touches canvas rows ⌊y − M/2 − y0⌋ ..
 * ⌊y − M/2 − y0⌋ + M, the last one only when the position is fractional (likewise columns).
 * So `y0 = ⌊min_k (y_k − M/2)⌋`, `H = max_k (⌊y_k − M/2 − y0⌋ + M + [fractional])`, and the
 * same for x: the first and last rows and columns of the canvas each receive weight from some patch.
 *
 * @shape xs (B,) scan x (columns), pixels of the object frame
 * @shape ys (B,) scan y (rows)
 * @param N patch side
 * @param M central crop side (default {@link defaultCentralSize}(N))
 */
export function canvasFrame(xs: ArrayLike<number>, ys: ArrayLike<number>, N: number, M?: number): CanvasFrame {
  const m = resolveCentralSize(N, M);
  checkPositions(xs, ys);
  let minX = Infinity, minY = Infinity;
  for (let k = 0; k < xs.length; k++) {
    minX = Math.min(minX, blockStart(xs[k]!, m, 0));
    minY = Math.min(minY, blockStart(ys[k]!, m, 0));
  }
  const x0 = Math.floor(minX), y0 = Math.floor(minY);
  let width = 0, height = 0;
  for (let k = 0; k < xs.length; k++) {
    width = Math.max(width, footprintEnd(blockStart(xs[k]!, m, x0), m));
    height = Math.max(height, footprintEnd(blockStart(ys[k]!, m, y0), m));
  }
  return { canvasOrigin: [x0, y0], height, width, N, M: m };
}

/** One past the last canvas index a crop starting at canvas coordinate `s` touches. */
function footprintEnd(s: number, M: number): number {
  const s0 = Math.floor(s);
  return s0 + M + (s > s0 ? 1 : 0);
}

function checkPositions(xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  if (xs.length !== ys.length) {
    throw new InputError('xs and ys must have the same length', { key: 'ys', expected: `(${xs.length},)`, actual: `(${ys.length},)` });
  }
  if (xs.length === 0) {
    throw new InputError('at least one scan position is needed to size the canvas', { key: 'xs', expected: '(B,) with B ≥ 1', actual: '(0,)' });
  }
  for (let k = 0; k < xs.length; k++) {
    if (!Number.isFinite(xs[k]) || !Number.isFinite(ys[k])) {
      throw new InputError(`scan position ${k} is not finite`, { key: 'xs/ys', expected: 'finite numbers', actual: `(${xs[k]}, ${ys[k]})` });
    }
  }
}
