import type { ComplexArray } from '@ptychojs/io';

/**
 * The ground truth over a reconstruction's canvas, in its frame (SPEC §3: canvas pixel (r, c) is
 * the object point (x = c + x0, y = r + y0)), for side-by-side viewing: the origin is rounded to
 * whole pixels (no resampling) and pixels outside the truth are 0.
 *
 * @shape object (Ht, Wt) complex
 * @returns amplitude and phase (H, W) float32
 */
export function truthInFrame(object: ComplexArray, origin: readonly [number, number], [H, W]: readonly [number, number]): { amplitude: Float32Array; phase: Float32Array } {
  const [Ht, Wt] = object.shape as [number, number];
  const amplitude = new Float32Array(H * W), phase = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const y = r + Math.round(origin[1]), x = c + Math.round(origin[0]);
    if (y < 0 || y >= Ht || x < 0 || x >= Wt) continue;
    const re = object.re[y * Wt + x]!, im = object.im[y * Wt + x]!;
    amplitude[r * W + c] = Math.hypot(re, im); phase[r * W + c] = Math.atan2(im, re);
  }
  return { amplitude, phase };
}
