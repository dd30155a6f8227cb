import type { ComplexArray } from '@ptychojs/io';

/**
 * Bilinear extraction of the central M×M of the patch at scan position (x, y) from a canvas
 * (SPEC §3): pixel (i', j') is the object point (y − M/2 + i', x − M/2 + j'), i.e. canvas point
 * (r, c) = (y − M/2 + i' − y0, x − M/2 + j' − x0), interpolated between the four surrounding
 * pixels, with zero outside the canvas. A plain per-pixel reference: stitching's placement is
 * its adjoint, and the tests prove it with a dot-product check.
 *
 * @shape canvas (H, W) complex
 * @param origin `[x0, y0]`: canvas pixel (r, c) is the object point (x = c + x0, y = r + y0)
 * @returns (M, M) complex float32
 */
export function extractCentral(canvas: ComplexArray, origin: readonly [number, number], x: number, y: number, M: number): ComplexArray {
  const [H, W] = canvas.shape as [number, number];
  const re = new Float32Array(M * M), im = new Float32Array(M * M);
  const at = (r: number, c: number, plane: Float32Array): number => (r >= 0 && r < H && c >= 0 && c < W ? plane[r * W + c]! : 0);
  for (let i = 0; i < M; i++) {
    const R = y - M / 2 - origin[1] + i;
    const r0 = Math.floor(R), fr = R - r0;
    for (let j = 0; j < M; j++) {
      const C = x - M / 2 - origin[0] + j;
      const c0 = Math.floor(C), fc = C - c0;
      for (const [plane, out] of [[canvas.re, re], [canvas.im, im]] as const) {
        out[i * M + j] =
          (1 - fr) * (1 - fc) * at(r0, c0, plane) +
          (1 - fr) * fc * at(r0, c0 + 1, plane) +
          fr * (1 - fc) * at(r0 + 1, c0, plane) +
          fr * fc * at(r0 + 1, c0 + 1, plane);
      }
    }
  }
  return { shape: [M, M], re, im };
}
