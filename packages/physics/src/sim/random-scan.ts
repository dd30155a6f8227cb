import { InputError, type Rng } from '@ptychojs/io';
import { scanBounds } from './scan-bounds.js';
import type { ScanArea, ScanPositions } from './types.js';

/** Options of {@link randomScan}. */
export interface RandomScanOptions extends ScanArea {
  /** Number of positions M. */
  readonly count: number;
  readonly rng: Rng;
}

/** `count` patch centres drawn independently and uniformly in the allowed box (see `scanBounds`). */
export function randomScan(opts: RandomScanOptions): ScanPositions {
  const { count, rng } = opts;
  if (!Number.isSafeInteger(count) || count < 1) throw new InputError('count must be a positive integer', { key: 'count', expected: '≥ 1', actual: String(count) });
  const b = scanBounds(opts);
  const xs = new Float64Array(count), ys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    xs[k] = b.x0 + rng.next() * (b.x1 - b.x0);
    ys[k] = b.y0 + rng.next() * (b.y1 - b.y0);
  }
  return { xs, ys };
}
