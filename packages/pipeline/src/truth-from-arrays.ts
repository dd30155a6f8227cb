import { InputError, toComplexArray, toFloat64Array, type ComplexArray, type NdArray } from '@ptychojs/io';
import { scanBoxFromPositions, type ScanBox } from '@ptychojs/metrics';

/** Ground truth to score a reconstruction against (SPEC §4). */
export interface Truth {
  /** @shape (H, W) complex — objectGuess */
  readonly object: ComplexArray;
  /** Box spanned by the scan positions (the scored region), when the truth file has them. */
  readonly scanBox?: ScanBox;
}

/**
 * Ground truth from a raw scan NPZ (objectGuess + positions, whose box is scored) or any NPZ with
 * `objectGuess` (scored over the whole overlap).
 *
 * @throws InputError naming the file and key when objectGuess is absent or not 2-D
 */
export function truthFromArrays(arrays: Record<string, NdArray>, file: string): Truth {
  const og = arrays.objectGuess;
  if (!og) throw new InputError('no ground truth in this file', { file, key: 'objectGuess', expected: '(H, W) complex', actual: 'absent' });
  if (og.shape.length !== 2) throw new InputError('objectGuess must be 2-D', { file, key: 'objectGuess', expected: '(H, W) complex', actual: `(${og.shape.join(', ')})` });
  const object = toComplexArray(og, { file, key: 'objectGuess' });
  const xs = arrays.xcoords, ys = arrays.ycoords;
  if (xs && ys) return { object, scanBox: scanBoxFromPositions(toFloat64Array(xs, { file, key: 'xcoords' }), toFloat64Array(ys, { file, key: 'ycoords' })) };
  return { object };
}
