import { InputError } from '@ptychojs/io';

/**
 * Writes the N×N patch of a real plane centred at (x, y) (SPEC §3 "Coordinates"):
 * `patch(i, j) = O(y − N/2 + i, x − N/2 + j)`, bilinear between pixels, zero outside the plane.
 * Example: N = 64, (x, y) = (100, 80) → rows 48…111, cols 68…131.
 *
 * Element (i, j) goes to `out[outOffset + (i·N + j)·outStride]`, so `outStride = C` with
 * `outOffset = b·N²·C + c` writes channel c of a channel-last (B, N, N, C) array. Arithmetic is in
 * float64, rounded once on store.
 *
 * @shape plane (H, W) float32, C order
 * @param x column of the patch centre (pixels, may be fractional)
 * @param y row of the patch centre
 */
export function bilinearPatch(
  plane: Float32Array, H: number, W: number, x: number, y: number, N: number,
  out: Float32Array, outOffset = 0, outStride = 1,
): void {
  if (plane.length !== H * W) throw new InputError('plane size does not match H×W', { expected: `${H}×${W} = ${H * W}`, actual: String(plane.length) });
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InputError('patch centre is not finite', { expected: 'finite (x, y)', actual: `(${x}, ${y})` });
  const r0 = y - N / 2, c0 = x - N / 2;
  const ir = Math.floor(r0), ic = Math.floor(c0);
  const fr = r0 - ir, fc = c0 - ic;
  const w00 = (1 - fr) * (1 - fc), w01 = (1 - fr) * fc, w10 = fr * (1 - fc), w11 = fr * fc;
  // Columns j whose both taps ic+j and ic+j+1 lie inside [0, W): the branch-free interior.
  const jIn0 = Math.max(0, -ic), jIn1 = Math.min(N, W - 1 - ic);
  for (let i = 0; i < N; i++) {
    const ra = ir + i, rb = ra + 1;
    const okA = ra >= 0 && ra < H, okB = rb >= 0 && rb < H;
    const o = outOffset + i * N * outStride;
    if (!okA && !okB) { for (let j = 0; j < N; j++) out[o + j * outStride] = 0; continue; }
    const baseA = ra * W, baseB = rb * W;
    const tap = (ok: boolean, base: number, c: number): number => (ok && c >= 0 && c < W ? plane[base + c]! : 0);
    for (let j = 0; j < N; j++) {
      const ca = ic + j;
      let v: number;
      if (okA && okB && j >= jIn0 && j < jIn1) {
        v = w00 * plane[baseA + ca]! + w01 * plane[baseA + ca + 1]! + w10 * plane[baseB + ca]! + w11 * plane[baseB + ca + 1]!;
      } else {
        v = w00 * tap(okA, baseA, ca) + w01 * tap(okA, baseA, ca + 1) + w10 * tap(okB, baseB, ca) + w11 * tap(okB, baseB, ca + 1);
      }
      out[o + j * outStride] = v;
    }
  }
}
