import { bilinearPatch, InputError, type ComplexArray } from '@ptychojs/io';
import { checkInteger, checkPositions } from './internal/check-positions.js';

/**
 * Ground-truth object patches at each member's true position (SPEC §3 "Coordinates" and
 * "Grouping": Y from objectGuess): `patch(i, j) = O(y − N/2 + i, x − N/2 + j)`, bilinear, zero
 * outside the object, channel-last.
 *
 * @shape object (H, W) complex
 * @shape xs (B·C,) float — member m = b·C + c, x = column (pixels)
 * @shape ys (B·C,) float
 * @returns (B, N, N, C) complex
 */
export function extractGroundTruthPatches(object: ComplexArray, xs: ArrayLike<number>, ys: ArrayLike<number>, N: number, C = 1): ComplexArray {
  if (object.shape.length !== 2) throw new InputError('objectGuess must be 2-D', { key: 'objectGuess', expected: '(H, W) complex', actual: `(${object.shape.join(', ')})` });
  const [H, W] = object.shape as [number, number];
  if (object.re.length !== H * W || object.im.length !== H * W) {
    throw new InputError('objectGuess planes do not match its shape', { key: 'objectGuess', expected: `${H * W} values per plane`, actual: `${object.re.length}, ${object.im.length}` });
  }
  checkInteger(N, 1, 'N');
  checkInteger(C, 1, 'C');
  const members = checkPositions(xs, ys, 'ground-truth positions');
  if (members % C !== 0) throw new InputError('member count is not a multiple of C', { key: 'C', expected: `divisor of ${members}`, actual: String(C) });
  const B = members / C, NN = N * N;
  const re = new Float32Array(B * NN * C), im = new Float32Array(B * NN * C);
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const m = b * C + c, off = b * NN * C + c;
      bilinearPatch(object.re, H, W, xs[m]!, ys[m]!, N, re, off, C);
      bilinearPatch(object.im, H, W, xs[m]!, ys[m]!, N, im, off, C);
    }
  }
  return { shape: [B, N, N, C], re, im };
}
