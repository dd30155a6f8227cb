import { SSIM_WINDOW_SIZE } from './ssim-window-size.js';

/**
 * Number of MS-SSIM scales used for an H×W image: scale j has side ceil(·/2) of scale j−1, and a
 * scale is kept only while its shorter side is at least the window ({@link SSIM_WINDOW_SIZE}, 11), at most `maxScales` (5).
 * 0 means the image is smaller than the window.
 */
export function msSsimScales(height: number, width: number, windowSize = SSIM_WINDOW_SIZE, maxScales = 5): number {
  let s = Math.min(height, width), n = 0;
  while (n < maxScales && s >= windowSize) { n++; s = Math.ceil(s / 2); }
  return n;
}
