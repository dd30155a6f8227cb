import { InputError, type ComplexArray } from '@ptychojs/io';
import { assertSameChannels } from './assert-same-channels.js';
import { extractGroundTruthPatches } from './extract-ground-truth-patches.js';
import { groupedDiffraction } from './grouped-diffraction.js';
import { normalizationAlpha } from './normalization-alpha.js';
import { scaleInPlace } from './scale-in-place.js';
import type { GroupedData, Groups } from './types.js';

/** Inputs of {@link assembleGroupedData}. */
export interface AssembleGroupedDataOptions {
  /** @shape (M, N, N) float32 amplitude = sqrt(counts) */
  readonly diff3d: Float32Array;
  readonly N: number;
  /** Normalization factor; default {@link normalizationAlpha} over all M patterns of `diff3d`. */
  readonly alpha?: number;
  /** @shape (H, W) complex — ground truth; Y is cut from it at the members' true positions. */
  readonly objectGuess?: ComplexArray;
  /**
   * True positions per scan position (e.g. `xcoordsStart`, `ycoordsStart`), used for Y only;
   * default the grouped positions `coordsNn`.
   * @shape x, y (M,) float
   */
  readonly truePositions?: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> };
  /** @shape (B, N, N, C) complex — precomputed ground-truth patches instead of `objectGuess`. */
  readonly Y?: ComplexArray;
}

/**
 * The model-ready grouped dataset (workflow steps 2–4): X = α·diffraction gathered to
 * (B, N, N, C), optional ground-truth patches Y (B, N, N, C), and the groups' coordinates.
 *
 * @throws InputError when Y and X differ in channels or shape (SPEC §3 SHALL), or both `Y` and
 *   `objectGuess` are given.
 */
export function assembleGroupedData(groups: Groups, options: AssembleGroupedDataOptions): GroupedData {
  const { diff3d, N } = options;
  const { B, C } = groups;
  const alpha = options.alpha ?? normalizationAlpha(diff3d, N);
  const X = scaleInPlace(groupedDiffraction(diff3d, groups.nnIndices, C, N), alpha);
  if (options.Y !== undefined && options.objectGuess !== undefined) {
    throw new InputError('give either precomputed Y or objectGuess, not both', { key: 'Y' });
  }
  let Y = options.Y;
  if (options.objectGuess !== undefined) {
    const xs = new Float64Array(B * C), ys = new Float64Array(B * C);
    const tp = options.truePositions;
    for (let b = 0; b < B; b++) {
      for (let c = 0; c < C; c++) {
        const m = b * C + c;
        if (tp) {
          const k = groups.nnIndices[m]!;
          if (!(k < tp.x.length && k < tp.y.length)) throw new InputError('truePositions is shorter than the scan', { key: 'xcoords_start', expected: `> ${k} entries`, actual: `${Math.min(tp.x.length, tp.y.length)}` });
          xs[m] = tp.x[k]!; ys[m] = tp.y[k]!;
        } else {
          xs[m] = groups.coordsNn[b * 2 * C + c]!; ys[m] = groups.coordsNn[b * 2 * C + C + c]!;
        }
      }
    }
    Y = extractGroundTruthPatches(options.objectGuess, xs, ys, N, C);
  }
  if (Y !== undefined) assertSameChannels([B, N, N, C], Y.shape);
  return Y === undefined ? { ...groups, N, alpha, X } : { ...groups, N, alpha, X, Y };
}
