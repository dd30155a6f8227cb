import { InputError } from '@ptychojs/io';
import type { ScanArea } from './types.js';

/** Range of patch centres that keeps every N×N patch (and its bilinear neighbours) inside the object. */
export interface ScanBounds { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }

/**
 * Patch centres allowed for an object of H×W and patch side N (SPEC §3 geometry): a patch at (x, y)
 * reads columns x − N/2 … x + N/2 − 1 plus one for interpolation, so x ∈ [N/2, W − N/2] and
 * y ∈ [N/2, H − N/2] keep it inside.
 *
 * @throws InputError when the object is smaller than one patch.
 */
export function scanBounds({ height, width, n }: ScanArea): ScanBounds {
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError('patch size must be a positive integer', { key: 'n', expected: 'N ≥ 1', actual: String(n) });
  if (!Number.isSafeInteger(height) || !Number.isSafeInteger(width) || height < n || width < n) {
    throw new InputError('object is smaller than one patch', { key: 'object size', expected: `H, W ≥ N = ${n}`, actual: `${height}×${width}` });
  }
  return { x0: n / 2, x1: width - n / 2, y0: n / 2, y1: height - n / 2 };
}
