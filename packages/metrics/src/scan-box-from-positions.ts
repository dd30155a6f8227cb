import { InputError } from '@ptychojs/io';
import type { ScanBox } from './types.js';

/**
 * The box spanned by the scan positions (SPEC §4 "crop both to the box spanned by the scan
 * positions"): min and max of `xcoords` (columns) and `ycoords` (rows), object-frame pixels.
 * @shape xcoords (M,) float
 * @shape ycoords (M,) float
 * @throws InputError on empty, mismatched or non-finite coordinates.
 */
export function scanBoxFromPositions(xcoords: ArrayLike<number>, ycoords: ArrayLike<number>): ScanBox {
  if (xcoords.length === 0 || xcoords.length !== ycoords.length) {
    throw new InputError('scanBoxFromPositions: need the same non-zero number of x and y coordinates', { key: 'xcoords', expected: 'M ≥ 1 of each', actual: `${xcoords.length} x, ${ycoords.length} y` });
  }
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
  for (let i = 0; i < xcoords.length; i++) {
    const x = xcoords[i]!, y = ycoords[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new InputError(`scanBoxFromPositions: position ${i} is not finite`, { key: 'xcoords', expected: 'finite', actual: `(${x}, ${y})` });
    }
    if (x < xmin) xmin = x; if (x > xmax) xmax = x;
    if (y < ymin) ymin = y; if (y > ymax) ymax = y;
  }
  return { xmin, xmax, ymin, ymax };
}
