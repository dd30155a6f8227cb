import { InputError, type ComplexArray } from '@ptychojs/io';
import type { GroupedData, Groups } from './types.js';

/**
 * The groups at `indices`, in that order, with every per-group array taken the same way —
 * `nnIndices`, `coordsNn`, `coordsOffsets`, `coordsRelative`, and `X`, `Y` when present — so X,
 * coordinates and Y stay aligned (workflow step 4: "Train/test split SHALL apply consistently").
 * Scalars (C, gridsize, N, alpha) are kept.
 *
 * @shape indices (n,) integers in [0, B)
 */
export function takeGroups<T extends Groups | GroupedData>(groups: T, indices: ArrayLike<number>): T {
  const { B } = groups;
  const n = indices.length;
  for (let t = 0; t < n; t++) {
    const k = indices[t]!;
    if (!Number.isInteger(k) || k < 0 || k >= B) throw new InputError(`group index ${t} is out of range`, { key: 'indices', expected: `integer in [0, ${B})`, actual: String(k) });
  }
  const take = <A extends Float32Array | Float64Array | Int32Array>(a: A, name: string): A => {
    if (a.length % B !== 0 || (B === 0 && a.length !== 0)) throw new InputError(`${name} size is not a multiple of B`, { key: name, expected: `(${B}, …)`, actual: `${a.length} values` });
    const stride = B === 0 ? 0 : a.length / B;
    const out = new (a.constructor as new (len: number) => A)(n * stride);
    for (let t = 0; t < n; t++) out.set(a.subarray(indices[t]! * stride, (indices[t]! + 1) * stride), t * stride);
    return out;
  };
  const result: Record<string, unknown> = {
    ...groups,
    B: n,
    nnIndices: take(groups.nnIndices, 'nn_indices'),
    coordsNn: take(groups.coordsNn, 'coords_nn'),
    coordsOffsets: take(groups.coordsOffsets, 'coords_offsets'),
    coordsRelative: take(groups.coordsRelative, 'coords_relative'),
  };
  if ('X' in groups && groups.X !== undefined) result.X = take(groups.X, 'X');
  if ('Y' in groups && groups.Y !== undefined) {
    const Y: ComplexArray = groups.Y;
    result.Y = { shape: [n, ...Y.shape.slice(1)], re: take(Y.re, 'Y'), im: take(Y.im, 'Y') };
  }
  return result as T;
}
