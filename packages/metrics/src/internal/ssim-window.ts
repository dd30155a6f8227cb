import { InputError } from '@ptychojs/io';
import type { SsimOptions } from '../types.js';
import { gaussianWindow, uniformWindow } from './filters.js';
import { SSIM_WINDOW_SIZE } from '../ssim-window-size.js';

/** Resolved window for SSIM options (shared with MS-SSIM). */
export function ssimWindow(fn: string, o: SsimOptions): Float64Array {
  const kind = o.window ?? 'gaussian';
  const size = o.windowSize ?? (kind === 'gaussian' ? SSIM_WINDOW_SIZE : 7);
  if (!Number.isInteger(size) || size < 1 || size % 2 === 0) {
    throw new InputError(`${fn}: windowSize must be an odd positive integer`, { key: 'windowSize', expected: 'odd integer ≥ 1', actual: String(size) });
  }
  if (kind === 'uniform') return uniformWindow(size);
  const sigma = o.sigma ?? 1.5;
  if (!(sigma > 0)) throw new InputError(`${fn}: sigma must be > 0`, { key: 'sigma', expected: 'σ > 0', actual: String(sigma) });
  return gaussianWindow(size, sigma);
}
