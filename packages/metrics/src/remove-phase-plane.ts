import { InputError } from '@ptychojs/io';
import type { Plane } from './types.js';
import { checkPlane } from './internal/check.js';

/** Result of {@link removePhasePlane}. */
export interface PhasePlaneRemoval {
  /** phase − (a·col + b·row + c) @shape (H, W) float64 */
  readonly phase: Float64Array;
  /** Fitted plane coefficients: slope per column `a`, per row `b`, offset `c` (radians). */
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/**
 * Least-squares fit of the plane `a·col + b·row + c` to a phase image and its removal (PtychoPINN's
 * `fit_and_remove_plane`, used by the 'ptychopinn' evaluation profile; SPEC §4). Pixel (row, col)
 * uses its integer indices. The normal equations are solved in centred coordinates, which makes
 * them diagonal. Phases are not unwrapped.
 * @shape phase (H, W) float
 * @throws InputError on bad sizes or non-finite values.
 */
export function removePhasePlane(phase: Plane, height: number, width: number): PhasePlaneRemoval {
  checkPlane('removePhasePlane', 'phase', phase, height, width);
  const n = height * width;
  if (n < 1) throw new InputError('removePhasePlane: empty image', { key: 'phase' });
  const rc = (height - 1) / 2, cc = (width - 1) / 2;
  let sz = 0, sxz = 0, syz = 0, sxx = 0, syy = 0;
  for (let r = 0; r < height; r++) {
    const y = r - rc;
    for (let col = 0; col < width; col++) {
      const x = col - cc, z = phase[r * width + col]!;
      sz += z; sxz += x * z; syz += y * z; sxx += x * x; syy += y * y;
    }
  }
  // centred x, y are orthogonal to each other and to the constant over a full grid
  const a = sxx > 0 ? sxz / sxx : 0, b = syy > 0 ? syz / syy : 0, mean = sz / n;
  const c = mean - a * cc - b * rc;
  const out = new Float64Array(n);
  for (let r = 0; r < height; r++) for (let col = 0; col < width; col++) out[r * width + col] = phase[r * width + col]! - (a * col + b * r + c);
  return { phase: out, a, b, c };
}
