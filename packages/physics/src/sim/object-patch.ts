import type { ComplexArray } from '@ptychojs/io';
import { assertComplexImage } from './assert-complex-image.js';
import { objectPatchInto } from './object-patch-into.js';

/**
 * The object patch seen at scan position (x, y) (SPEC §3 coordinates):
 * `patch(i,j) = O(y − N/2 + i, x − N/2 + j)`, bilinear between pixels, zero outside the object.
 * Example: N = 64, (x, y) = (100, 80) reads rows 48..111 and columns 68..131. Computed in float64,
 * returned as float32 planes. This is the physics reference; `@ptychojs/grouping` keeps its own
 * extraction on purpose.
 *
 * @shape object (H, W) complex
 * @returns (N, N) complex
 */
export function objectPatch(object: ComplexArray, x: number, y: number, n: number): ComplexArray {
  assertComplexImage(object, { key: 'object' }, { values: false });
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`objectPatch: patch size must be a positive integer, got ${n}`);
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`objectPatch: position must be finite, got (${x}, ${y})`);
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  objectPatchInto(object, x, y, n, re, im);
  return { shape: [n, n], re: Float32Array.from(re), im: Float32Array.from(im) };
}

