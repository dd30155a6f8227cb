import { InputError } from './errors.js';

/**
 * Writes the N×N patch of a real plane centred at (x, y) (SPEC §3 "Coordinates"):
 * `patch(i, j) = O(y − N/2 + i, x − N/2 + j)`, bilinear between pixels, zero outside the plane.
 * Example: N = 64, (x, y) = (100, 80) → rows 48…111, cols 68…131.
 *
 * The one bilinear patch rule of the project: grouping's ground-truth patches Y (float32,
 * channel-last) and physics' object patches (float64 planes, `objectPatchInto`) both call it, so
 * the patches the model learns and the ones the simulator and ePIE see are the same operation.
 *
 * Element (i, j) goes to `out[outOffset + (i·N + j)·outStride]`, so `outStride = C` with
 * `outOffset = b·N²·C + c` writes channel c of a channel-last (B, N, N, C) array. Arithmetic is in
 * float64, the four neighbours summed in one order, and rounded once on store (to float32 when
 * `out` is a Float32Array; not at all into a Float64Array).
 *
 * @shape plane (H, W) float32, C order
 * @param x column of the patch centre (pixels, may be fractional)
 * @param y row of the patch centre
 */
export function bilinearPatch(
  plane: Float32Array, H: number, W: number, x: number, y: number, N: number,
  out: Float32Array | Float64Array, outOffset = 0, outStride = 1,
): void {
  if (plane.length !== H * W) throw new InputError('plane size does not match H×W', { expected: `${H}×${W} = ${H * W}`, actual: String(plane.length) });
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InputError('patch centre is not finite', { expected: 'finite (x, y)', actual: `(${x}, ${y})` });
  const r0 = y - N / 2, c0 = x - N / 2;
  const ir = Math.floor(r0), ic = Math.floor(c0);
  const fr = r0 - ir, fc = c0 - ic;
  // Weights of the four neighbours, the same for every pixel of the patch (integer pixel steps).
  const w00 = (1 - fr) * (1 - fc), w01 = (1 - fr) * fc, w10 = fr * (1 - fc), w11 = fr * fc;
  if (ir >= 0 && ic >= 0 && ir + N < H && ic + N < W) {
    // The patch and its bilinear neighbours lie inside: no bounds checks (the common case).
    for (let i = 0; i < N; i++) {
      const pa = (ir + i) * W + ic, pb = pa + W;
      for (let j = 0, o = outOffset + i * N * outStride; j < N; j++, o += outStride) {
        const a = pa + j, b = pb + j;
        out[o] = w00 * plane[a]! + w01 * plane[a + 1]! + w10 * plane[b]! + w11 * plane[b + 1]!;
      }
    }
    return;
  }
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
