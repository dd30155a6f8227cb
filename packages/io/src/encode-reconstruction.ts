import { fromComplexArray } from './from-complex-array.js';
import { ndarray } from './ndarray.js';
import type { ComplexArray, ReconstructionArrays } from './types.js';

/**
 * The arrays of a reconstruction NPZ (SPEC §3): `object (H, W) c8`, `amplitude` = |object| and
 * `phase` = atan2(im, re) as `(H, W) f4`, `canvasOrigin (2,) f8 = [x0, y0]`. Pass the result to
 * `encodeNpz` / `writeNpzFile`.
 *
 * @shape object (H, W) complex
 */
export function encodeReconstruction(r: { object: ComplexArray; canvasOrigin: readonly [number, number] }): ReconstructionArrays {
  const { object, canvasOrigin } = r;
  if (object.shape.length !== 2) throw new RangeError(`encodeReconstruction: object must be (H, W), got [${object.shape.join(', ')}]`);
  if (canvasOrigin.length !== 2 || !canvasOrigin.every(Number.isFinite)) throw new RangeError(`encodeReconstruction: canvasOrigin must be two finite numbers, got [${canvasOrigin.join(', ')}]`);
  const n = object.re.length;
  const amplitude = new Float32Array(n), phase = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const re = object.re[i]!, im = object.im[i]!;
    amplitude[i] = Math.hypot(re, im);
    phase[i] = Math.atan2(im, re);
  }
  return {
    object: fromComplexArray(object, 'c8'),
    amplitude: ndarray('f4', object.shape, amplitude),
    phase: ndarray('f4', object.shape, phase),
    canvasOrigin: ndarray('f8', [2], Float64Array.from(canvasOrigin)),
  };
}
