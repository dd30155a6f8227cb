import { bilinearSample } from './bilinear-sample.js';

/**
 * Float64 oracle of patch extraction, written straight from SPEC §3: with the canvas of group b
 * centred on the group's offset, `patch_c(i, j) = O(y_c − N/2 + i, x_c − N/2 + j)` is the canvas
 * at row `S/2 + (y_c − offset_y) − N/2 + i`, column likewise, and `y_c − offset_y = −rel_y[c]`.
 *
 * @shape canvas (B, S, S) row-major; coords (B, 1, 2, C) row-major (axis 2 = [x, y]) → (B, N, N, C)
 */
export function extractPatchesReference(canvas: ArrayLike<number>, B: number, S: number, coords: ArrayLike<number>, C: number, N: number): Float64Array {
  const out = new Float64Array(B * N * N * C);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) {
    const relX = coords[(b * 2 + 0) * C + c]!, relY = coords[(b * 2 + 1) * C + c]!;
    const posY = -relY, posX = -relX; // position − offset
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
      const row = S / 2 + posY - N / 2 + i;
      const col = S / 2 + posX - N / 2 + j;
      out[((b * N + i) * N + j) * C + c] = bilinearSample(canvas, S, S, 1, 0, row, col, b * S * S);
    }
  }
  return out;
}
