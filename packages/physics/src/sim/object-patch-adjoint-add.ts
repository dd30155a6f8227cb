import type { ComplexArray } from '@ptychojs/io';

/**
 * Adjoint of {@link objectPatchInto}, accumulated: adds to the object what the patch extraction at
 * (x, y) maps back, `O(y − N/2 + i + a, x − N/2 + j + b) += w_ab · patch(i, j)` for the four
 * bilinear weights `w_ab` of the sub-pixel offset (SPEC §3 geometry; x the column, y the row).
 * Patch pixels that would land outside the object are dropped, the adjoint of "zero outside".
 * So `⟨objectPatch(O), p⟩ = ⟨O, objectPatchAdjointAdd(0, p)⟩` (the dot-product test in its suite).
 * This is the object update of ePIE (Maiden & Rodenburg 2009): extraction's adjoint applied to
 * the weighted exit-wave change.
 *
 * @shape object (H, W) complex, float32 planes, updated in place
 * @shape patchRe, patchIm (≥ offset + N·N) float64, the patch at `offset` in C order
 */
export function objectPatchAdjointAdd(
  object: ComplexArray, x: number, y: number, n: number,
  patchRe: Float64Array, patchIm: Float64Array, offset = 0,
): void {
  const [H, W] = object.shape as [number, number];
  const { re, im } = object;
  const r0 = y - n / 2, c0 = x - n / 2;
  const ir = Math.floor(r0), ic = Math.floor(c0);
  const fr = r0 - ir, fc = c0 - ic;
  const w00 = (1 - fr) * (1 - fc), w01 = (1 - fr) * fc, w10 = fr * (1 - fc), w11 = fr * fc;
  if (ir >= 0 && ic >= 0 && ir + n < H && ic + n < W) {
    // The patch and its bilinear neighbours lie inside: no bounds checks (the common case).
    for (let i = 0; i < n; i++) {
      const o = offset + i * n, pa = (ir + i) * W + ic, pb = pa + W;
      for (let j = 0; j < n; j++) {
        const vr = patchRe[o + j]!, vi = patchIm[o + j]!, a = pa + j, b = pb + j;
        re[a] = re[a]! + w00 * vr; im[a] = im[a]! + w00 * vi;
        re[a + 1] = re[a + 1]! + w01 * vr; im[a + 1] = im[a + 1]! + w01 * vi;
        re[b] = re[b]! + w10 * vr; im[b] = im[b]! + w10 * vi;
        re[b + 1] = re[b + 1]! + w11 * vr; im[b + 1] = im[b + 1]! + w11 * vi;
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
      const vr = patchRe[o + j]!, vi = patchIm[o + j]!;
      if (okA) {
        const p = ra * W;
        if (okCa) { re[p + ca] = re[p + ca]! + w00 * vr; im[p + ca] = im[p + ca]! + w00 * vi; }
        if (okCb) { re[p + cb] = re[p + cb]! + w01 * vr; im[p + cb] = im[p + cb]! + w01 * vi; }
      }
      if (okB) {
        const p = rb * W;
        if (okCa) { re[p + ca] = re[p + ca]! + w10 * vr; im[p + ca] = im[p + ca]! + w10 * vi; }
        if (okCb) { re[p + cb] = re[p + cb]! + w11 * vr; im[p + cb] = im[p + cb]! + w11 * vi; }
      }
    }
  }
}
