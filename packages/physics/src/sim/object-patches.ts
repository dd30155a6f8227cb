import type { ComplexArray } from '@ptychojs/io';
import { assertComplexImage } from './assert-complex-image.js';
import { objectPatchInto } from './object-patch-into.js';

/**
 * {@link objectPatch} at every scan position: patch k is `O(ys[k] − N/2 + i, xs[k] − N/2 + j)`,
 * bilinear, zero outside (SPEC §3). Float64 arithmetic, float32 result.
 *
 * @shape object (H, W) complex
 * @shape xs, ys (M,) columns and rows of the patch centres
 * @returns (M, N, N) complex
 */
export function objectPatches(object: ComplexArray, xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): ComplexArray {
  assertComplexImage(object, { key: 'object' }, { values: false });
  if (xs.length !== ys.length) throw new RangeError(`objectPatches: ${xs.length} x coordinates but ${ys.length} y coordinates`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`objectPatches: patch size must be a positive integer, got ${n}`);
  const M = xs.length, nn = n * n;
  const re = new Float32Array(M * nn), im = new Float32Array(M * nn);
  const bufRe = new Float64Array(nn), bufIm = new Float64Array(nn);
  for (let k = 0; k < M; k++) {
    const x = xs[k]!, y = ys[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`objectPatches: position ${k} is not finite: (${x}, ${y})`);
    objectPatchInto(object, x, y, n, bufRe, bufIm);
    re.set(bufRe, k * nn);
    im.set(bufIm, k * nn);
  }
  return { shape: [M, n, n], re, im };
}
