import { bilinearSample } from './bilinear-sample.js';

/**
 * Float64 oracle of SPEC §3's translation: `out(x, y) = in(x − tx, y − ty)`, bilinear, zero fill.
 *
 * @shape img (B, H, W, C) row-major; offsets (B, 2) as [tx, ty]
 */
export function translateReference(img: ArrayLike<number>, B: number, H: number, W: number, C: number, offsets: ArrayLike<number>): Float64Array {
  const out = new Float64Array(B * H * W * C);
  for (let b = 0; b < B; b++) {
    const tx = offsets[2 * b]!, ty = offsets[2 * b + 1]!;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < C; c++) {
      out[((b * H + y) * W + x) * C + c] = bilinearSample(img, H, W, C, c, y - ty, x - tx, b * H * W * C);
    }
  }
  return out;
}
