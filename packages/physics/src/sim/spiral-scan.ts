import { InputError } from '@ptychojs/io';
import { checkPositive } from './check-positive.js';
import { scanBounds } from './scan-bounds.js';
import type { ScanArea, ScanPositions } from './types.js';

/** Golden angle π(3 − √5) ≈ 2.39996 rad. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Options of {@link spiralScan}. */
export interface SpiralScanOptions extends ScanArea {
  /**
   * Density as a grid pitch, pixels: one position per step² of area, like `gridScan` with the same
   * step (Fermat spiral r_k = (step/√π)·√(k + ½); nearest neighbours ≈ 0.95·step apart, never
   * closer than 0.87·step).
   */
  readonly step: number;
  /** Take only the first `count` positions (innermost first). Default: all that fit. */
  readonly count?: number;
}

/**
 * A Fermat (sunflower) spiral of patch centres about the centre of the allowed box:
 * position k = 0, 1, … at radius (step/√π)·√(k + ½) (the ½ keeps the innermost points as far apart
 * as the rest) and angle k·π(3 − √5), keeping those inside the box
 * (see `scanBounds`), innermost first. Even coverage without a grid's periodicity.
 *
 * @throws InputError when `count` positions do not fit at this step.
 */
export function spiralScan(opts: SpiralScanOptions): ScanPositions {
  checkPositive(opts.step, 'step');
  const { count } = opts;
  if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) {
    throw new InputError('count must be a positive integer', { key: 'count', expected: '≥ 1', actual: String(count) });
  }
  const b = scanBounds(opts);
  const cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
  const rMax = Math.hypot(b.x1 - cx, b.y1 - cy), c = opts.step / Math.sqrt(Math.PI);
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; c * Math.sqrt(k + 0.5) <= rMax + 1e-9 && (count === undefined || xs.length < count); k++) {
    const r = c * Math.sqrt(k + 0.5), t = k * GOLDEN_ANGLE;
    const x = cx + r * Math.cos(t), y = cy + r * Math.sin(t);
    if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) { xs.push(x); ys.push(y); }
  }
  if (count !== undefined && xs.length < count) {
    throw new InputError('too many positions for this step and object size', { key: 'count', expected: `≤ ${xs.length} at step ${opts.step}`, actual: String(count) });
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}
