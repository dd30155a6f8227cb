/** Running sums on an H×W canvas (row-major planes). */
export interface BlockAccumulators {
  readonly re: Float64Array | Float32Array;
  readonly im: Float64Array | Float32Array;
  readonly weights: Float64Array | Float32Array;
  readonly width: number;
}

/**
 * Signature of a placer: add the crop of the patch starting at `srcOffset` in `srcRe`/`srcIm`
 * (shape (…, N, N) float32) with its first pixel at canvas point (r, c), fractional.
 */
export type BlockPlacer = (acc: BlockAccumulators, srcRe: Float32Array, srcIm: Float32Array, srcOffset: number, N: number, r: number, c: number) => void;

/**
 * The inner kernel of stitching. `createBlockPlacer(M)` returns a function that adds the bilinear
 * placement of one patch's central M×M crop, and its weight, to running sums on an H×W canvas.
 * Internal (not exported from the package).
 *
 * Placement is the adjoint (transpose) of bilinear extraction (SPEC §3): the crop value v(i', j')
 * at canvas point (r + i', c + j') is spread over the four surrounding pixels with weights
 * (1−fr)(1−fc), fr(1−fc), (1−fr)fc, fr·fc where r = r0 + fr, c = c0 + fc. Since every crop pixel
 * has the same fractions, the placement is separable: each touched pixel (r0 + a, c0 + b),
 * a, b in 0..M, gathers (1−fr)·T(a, b) + fr·T(a−1, b) with T(i, b) = (1−fc)·v(i, b) + fc·v(i, b−1)
 * (v = 0 outside the crop), i.e. w00·v(a, b) + w10·v(a−1, b) + w01·v(a, b−1) + w11·v(a−1, b−1).
 * T lives in a zero-bordered scratch, so each canvas pixel is written once per plane.
 * The weight plane receives the placement of ones, which factorizes: ρ(a)·γ(b) with
 * ρ(a) = [a < M](1−fr) + [a ≥ 1]fr.
 * When fr = 0 (fc = 0) the row (column) M gets zero weight and is skipped, so integer positions
 * copy pixels exactly.
 *
 * The function reuses O(M²) scratch, so keep one placer per stitcher. The caller guarantees the
 * footprint lies on the canvas (see `canvasFrame`).
 */
export function createBlockPlacer(M: number): BlockPlacer {
  const Q = M + 1;
  // T: (M+2, M+1) float64, rows 0 and M+1 stay zero.
  const Tre = new Float64Array((M + 2) * Q), Tim = new Float64Array((M + 2) * Q);
  const gamma = new Float64Array(M + 1);
  return (acc, srcRe, srcIm, srcOffset, N, r, c) => {
    const s = (N - M) >> 1;
    const r0 = Math.floor(r), fr = r - r0, c0 = Math.floor(c), fc = c - c0;
    const nr = fr > 0 ? M + 1 : M, nc = fc > 0 ? M + 1 : M;
    const gc = 1 - fc, gr = 1 - fr;
    // Horizontal pass: T(i+1, b) = (1−fc)·v(i, b) + fc·v(i, b−1).
    for (let i = 0; i < M; i++) {
      const src = srcOffset + (s + i) * N + s, dst = (i + 1) * Q;
      let pRe = 0, pIm = 0;
      for (let j = 0; j < M; j++) {
        const vRe = srcRe[src + j]!, vIm = srcIm[src + j]!;
        Tre[dst + j] = gc * vRe + fc * pRe;
        Tim[dst + j] = gc * vIm + fc * pIm;
        pRe = vRe;
        pIm = vIm;
      }
      Tre[dst + M] = fc * pRe;
      Tim[dst + M] = fc * pIm;
    }
    for (let b = 0; b < nc; b++) gamma[b] = (b < M ? gc : 0) + (b >= 1 ? fc : 0);
    // Vertical pass: out(a, b) = (1−fr)·T(a+1, b) + fr·T(a, b); weight ρ(a)·γ(b).
    const aRe = acc.re, aIm = acc.im, aW = acc.weights, W = acc.width;
    for (let a = 0; a < nr; a++) {
      const rho = (a < M ? gr : 0) + (a >= 1 ? fr : 0);
      const tA = (a + 1) * Q, tB = a * Q;
      const out = (r0 + a) * W + c0;
      for (let b = 0; b < nc; b++) {
        aRe[out + b]! += gr * Tre[tA + b]! + fr * Tre[tB + b]!;
        aIm[out + b]! += gr * Tim[tA + b]! + fr * Tim[tB + b]!;
        aW[out + b]! += rho * gamma[b]!;
      }
    }
  };
}
