import type { NdArray } from './types.js';

/**
 * `a` with axes of length 1 dropped (first ones first) until it has `rank` axes — the same values
 * in the same C order — or undefined when too few axes have length 1. An array of rank ≤ `rank`
 * is returned as is. How a `(M, 1)` column of coordinates or a `(1, H, W)` object written by
 * another tool is read (checkRawData notes it).
 */
export function squeezeArray(a: NdArray, rank: number): NdArray | undefined {
  if (a.shape.length <= rank) return a;
  const shape = [...a.shape];
  while (shape.length > rank) {
    const i = shape.indexOf(1);
    if (i < 0) return undefined;
    shape.splice(i, 1);
  }
  return { ...a, shape };
}
