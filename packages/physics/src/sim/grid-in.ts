import type { ScanBounds } from './scan-bounds.js';
import type { ScanPositions } from './types.js';

/** The centred grid of pitch `step` inside a box (used by `gridScan` and `jitterScan`). */
export function gridIn(b: ScanBounds, step: number): ScanPositions {
  const axis = (lo: number, hi: number): number[] => {
    const count = Math.floor((hi - lo) / step + 1e-9) + 1;
    const start = lo + (hi - lo - (count - 1) * step) / 2;
    return Array.from({ length: count }, (_, i) => start + i * step);
  };
  const cx = axis(b.x0, b.x1), cy = axis(b.y0, b.y1);
  const xs = new Float64Array(cx.length * cy.length), ys = new Float64Array(cx.length * cy.length);
  let k = 0;
  for (const y of cy) for (const x of cx) { xs[k] = x; ys[k] = y; k++; }
  return { xs, ys };
}
