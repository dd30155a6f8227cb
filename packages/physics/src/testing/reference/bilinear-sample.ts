/**
 * Bilinear sample of channel `c` of an (H, W, C) row-major image at real position (y, x),
 * zero outside the image: the oracle for SPEC §3's "bilinear between pixels, zero outside".
 */
export function bilinearSample(img: ArrayLike<number>, H: number, W: number, C: number, c: number, y: number, x: number, base = 0): number {
  const y0 = Math.floor(y), x0 = Math.floor(x);
  const fy = y - y0, fx = x - x0;
  let v = 0;
  for (const [yy, wy] of [[y0, 1 - fy], [y0 + 1, fy]] as const) {
    if (yy < 0 || yy >= H || wy === 0) continue;
    for (const [xx, wx] of [[x0, 1 - fx], [x0 + 1, fx]] as const) {
      if (xx < 0 || xx >= W || wx === 0) continue;
      v += wy * wx * img[base + (yy * W + xx) * C + c]!;
    }
  }
  return v;
}
