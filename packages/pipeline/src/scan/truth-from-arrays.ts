import { InputError, squeezeArray, toComplexArray, toFloat64Array, type ComplexArray, type NdArray } from '@ptychojs/io';
import { assessScan } from './assess-scan.js';
import { SCAN_NEEDS } from './check-scan.js';
import type { ScanIssue } from './scan-issue.js';
import { scanBoxFromPositions, type ScanBox } from '@ptychojs/metrics';
import { scanProblemsError } from './scan-problems-error.js';

/** Ground truth to score a reconstruction against (SPEC §4). */
export interface Truth {
  /** @shape (H, W) complex — objectGuess */
  readonly object: ComplexArray;
  /** Box spanned by the scan positions (the scored region), when the truth file has them. */
  readonly scanBox?: ScanBox;
  /** What the check of the truth's positions found implausible ({@link truthFromArrays}). */
  readonly warnings?: readonly ScanIssue[];
}

/**
 * Ground truth from a raw scan NPZ (objectGuess + positions, whose box is scored) or any NPZ with
 * `objectGuess` (scored over the whole overlap) — `evaluate`'s check of its input, before it
 * writes anything. With positions, `assessScan` decides for `evaluate` (as `inspect` does for the
 * other commands): a metrics crop (scan box ∩ objectGuess) under the 11×11 SSIM window or
 * non-finite positions are refused; positions outside objectGuess are a warning.
 *
 * @param opts.strict warnings are problems
 * @throws InputError naming the file and key when objectGuess is absent or not 2-D, or listing every
 *   problem of the positions with its fix
 */
export function truthFromArrays(arrays: Readonly<Record<string, NdArray>>, file: string, opts: { strict?: boolean } = {}): Truth {
  const stored = arrays.objectGuess;
  if (!stored) throw new InputError('no ground truth in this file', { file, key: 'objectGuess', expected: '(H, W) complex', actual: 'absent' });
  // Read as checkRawData reads it (axes of length 1 dropped), so evaluate scores what inspect and run accept.
  const og = squeezeArray(stored, 2);
  if (og === undefined || og.shape.length !== 2) throw new InputError('objectGuess must be 2-D', { file, key: 'objectGuess', expected: '(H, W) complex', actual: `(${stored.shape.join(', ')})` });
  const object = toComplexArray(og, { file, key: 'objectGuess' });
  const xs = arrays.xcoords, ys = arrays.ycoords;
  if (!xs || !ys) return { object, warnings: [] };
  const xcoords = toFloat64Array(xs, { file, key: 'xcoords' }), ycoords = toFloat64Array(ys, { file, key: 'ycoords' });
  // The pattern side only enters the overlap judgement; a truth file without a probe has none to make.
  const N = arrays.probeGuess?.shape[0] ?? Number.POSITIVE_INFINITY;
  const a = assessScan({ source: file, N, xcoords, ycoords, objectGuess: object }, { needs: SCAN_NEEDS.evaluate, strict: opts.strict });
  if (a.problems.length > 0) throw scanProblemsError(file, 'evaluate', a.problems);
  return { object, scanBox: scanBoxFromPositions(xcoords, ycoords), warnings: a.warnings };
}
