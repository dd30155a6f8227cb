import type { ScanBox } from '../types.js';

/**
 * @internal The pixels a scan box covers, inclusive (SPEC §4; see `ScanBox`): columns
 * `ceil(xmin)…floor(xmax)`, rows `ceil(ymin)…floor(ymax)`, not yet clipped to any image.
 */
export function scanBoxPixels(box: ScanBox): { readonly col0: number; readonly col1: number; readonly row0: number; readonly row1: number } {
  return { col0: Math.ceil(box.xmin), col1: Math.floor(box.xmax), row0: Math.ceil(box.ymin), row1: Math.floor(box.ymax) };
}
