import type { AccumulatorPrecision } from './types.js';

/**
 * Peak bytes that stitching holds for an H×W canvas, independent of the number of patches
 * (SPEC §6: memory bounded in the number of patterns at inference):
 * - `'float64'`: three Float64Array sums (re, im, weight) plus, during `finish()`, three float32
 *   outputs: 36·H·W.
 * - `'float32'`: three Float32Array sums, normalized in place and returned: 12·H·W.
 * Not counted: the caller's patch batches, the stitcher's copy of the positions (16 bytes per
 * position), and O(M²) scratch.
 */
export function stitchingMemoryBytes(H: number, W: number, accumulator: AccumulatorPrecision = 'float64'): number {
  return (accumulator === 'float64' ? 36 : 12) * H * W;
}
