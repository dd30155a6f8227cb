/**
 * Types shared by the stitching functions (SPEC §3 "Reconstruction NPZ", SPEC §4 "Stitching for
 * inference"). Letters follow SPEC §3: B patches, N patch side, M central crop side, H×W canvas.
 */
import type { ComplexArray } from '@ptychojs/io';

/**
 * Precision of the running sums (numerator re/im and weight planes).
 * - `'float64'` (default): three Float64Array planes; `finish()` allocates float32 outputs.
 *   Peak 36·H·W bytes.
 * - `'float32'`: three Float32Array planes that `finish()` normalizes in place and hands over.
 *   Peak 12·H·W bytes; relative rounding error grows with the overlap count (≈ count·6e-8).
 */
export type AccumulatorPrecision = 'float64' | 'float32';

/**
 * Where the canvas lies in the input's coordinate frame: canvas pixel (r, c) is the object point
 * (x = c + x0, y = r + y0), with `canvasOrigin = [x0, y0]` integers (SPEC §3).
 */
export interface CanvasFrame {
  /** `[x0, y0]`, integers. */
  readonly canvasOrigin: readonly [number, number];
  /** Canvas rows H. */
  readonly height: number;
  /** Canvas columns W. */
  readonly width: number;
  /** Patch side N. */
  readonly N: number;
  /** Side M of the central crop that is placed. */
  readonly M: number;
}

/** Output of stitching (SPEC §4): the overlap-averaged object and the weight that each pixel got. */
export interface StitchResult {
  /** @shape object (H, W) complex (re/im float32 planes); 0 where no patch reached. */
  readonly object: ComplexArray;
  /** @shape weights (H, W) float32 — sum of the bilinear weights that landed on each pixel (the overlap count). */
  readonly weights: Float32Array;
  /** `[x0, y0]`: canvas pixel (r, c) is the object point (x = c + x0, y = r + y0). */
  readonly canvasOrigin: readonly [number, number];
}
