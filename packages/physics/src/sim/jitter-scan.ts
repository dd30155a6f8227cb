import { InputError, type Rng } from '@ptychojs/io';
import { checkPositive } from './check-positive.js';
import { gridIn } from './grid-in.js';
import { scanBounds } from './scan-bounds.js';
import type { ScanArea, ScanPositions } from './types.js';

/** Options of {@link jitterScan}. */
export interface JitterScanOptions extends ScanArea {
  /** Grid pitch, pixels. */
  readonly step: number;
  /** Largest offset along each axis, pixels: offsets are uniform in [−jitter, jitter]. Default step/4. */
  readonly jitter?: number;
  readonly rng: Rng;
}

/**
 * A grid (as `gridScan`) with every position moved by an independent uniform offset in
 * [−jitter, jitter] along x and y. The grid is laid in the allowed box shrunk by `jitter`, so every
 * jittered patch stays inside the object. Order as `gridScan`.
 */
export function jitterScan(opts: JitterScanOptions): ScanPositions {
  checkPositive(opts.step, 'step');
  const j = opts.jitter ?? opts.step / 4;
  checkPositive(j, 'jitter', true);
  const b = scanBounds(opts);
  if (b.x1 - b.x0 < 2 * j || b.y1 - b.y0 < 2 * j) {
    throw new InputError('jitter too large for the object', { key: 'jitter', expected: `≤ ${Math.min(b.x1 - b.x0, b.y1 - b.y0) / 2}`, actual: String(j) });
  }
  const { xs, ys } = gridIn({ x0: b.x0 + j, x1: b.x1 - j, y0: b.y0 + j, y1: b.y1 - j }, opts.step);
  for (let k = 0; k < xs.length; k++) {
    xs[k] = xs[k]! + (2 * opts.rng.next() - 1) * j;
    ys[k] = ys[k]! + (2 * opts.rng.next() - 1) * j;
  }
  return { xs, ys };
}
