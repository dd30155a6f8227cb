import type { ComplexArray } from '@ptychojs/io';

/**
 * Bilinear extraction of one N×N object patch into float64 planes, the physics reference of
 * SPEC §3: `patch(i,j) = O(y − N/2 + i, x − N/2 + j)`, i,j in 0..N−1, bilinear between pixels,
 * pixels outside the object counted as zero. x is the column, y the row (object frame, pixels).
 *
 * @shape object (H, W) complex, float32 planes
 * @shape outRe, outIm (≥ offset + N·N) float64, patch written at `offset` in C order
 */
export function objectPatchInto(
  object: ComplexArray, x: number, y: number, n: number,
  outRe: Float64Array, outIm: Float64Array, offset = 0,
): void {
  const [H, W] = object.shape as [number, number];
  const { re, im } = object;
  const r0 = y - n / 2, c0 = x - n / 2;
  const ir = Math.floor(r0), ic = Math.floor(c0);
  const fr = r0 - ir, fc = c0 - ic;
  // Weights of the four neighbours, the same for every pixel of the patch (integer pixel steps).
  const w00 = (1 - fr) * (1 - fc), w01 = (1 - fr) * fc, w10 = fr * (1 - fc), w11 = fr * fc;
  if (ir >= 0 && ic >= 0 && ir + n < H && ic + n < W) {
    // The patch and its bilinear neighbours lie inside: no bounds checks (the common case).
    for (let i = 0; i < n; i++) {
      const o = offset + i * n, pa = (ir + i) * W + ic, pb = pa + W;
      for (let j = 0; j < n; j++) {
        const a = pa + j, b = pb + j;
        outRe[o + j] = w00 * re[a]! + w01 * re[a + 1]! + w10 * re[b]! + w11 * re[b + 1]!;
        outIm[o + j] = w00 * im[a]! + w01 * im[a + 1]! + w10 * im[b]! + w11 * im[b + 1]!;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const ra = ir + i, rb = ra + 1;
    const okA = ra >= 0 && ra < H, okB = rb >= 0 && rb < H;
    const o = offset + i * n;
    for (let j = 0; j < n; j++) {
      const ca = ic + j, cb = ca + 1;
      const okCa = ca >= 0 && ca < W, okCb = cb >= 0 && cb < W;
      let sr = 0, si = 0;
      if (okA) {
        const p = ra * W;
        if (okCa) { sr += w00 * re[p + ca]!; si += w00 * im[p + ca]!; }
        if (okCb) { sr += w01 * re[p + cb]!; si += w01 * im[p + cb]!; }
      }
      if (okB) {
        const p = rb * W;
        if (okCa) { sr += w10 * re[p + ca]!; si += w10 * im[p + ca]!; }
        if (okCb) { sr += w11 * re[p + cb]!; si += w11 * im[p + cb]!; }
      }
      outRe[o + j] = sr;
      outIm[o + j] = si;
    }
  }
}
