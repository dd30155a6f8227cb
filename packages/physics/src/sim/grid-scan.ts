import { checkPositive } from './check-positive.js';
import { gridIn } from './grid-in.js';
import { scanBounds } from './scan-bounds.js';
import type { ScanArea, ScanPositions } from './types.js';

/** Options of {@link gridScan}. */
export interface GridScanOptions extends ScanArea {
  /** Distance between neighbouring positions, pixels. */
  readonly step: number;
}

/**
 * A raster grid of patch centres `step` pixels apart, as many as fit in the allowed box
 * x ∈ [N/2, W − N/2], y ∈ [N/2, H − N/2] (see `scanBounds`), centred in it. Row-major order
 * (y outer, x inner).
 */
export function gridScan(opts: GridScanOptions): ScanPositions {
  checkPositive(opts.step, 'step');
  return gridIn(scanBounds(opts), opts.step);
}
