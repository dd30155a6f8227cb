// Test-only access to the shared golden data (/work/shared/data, never copied into the repo).
import fs from 'node:fs';
import path from 'node:path';
import { parseNpz, type NdArray, type ComplexArray } from '@ptychojs/io';

/** `shared/data/golden/forward_cases.npz`, relative to this package (repo root is a sibling of shared/). */
export const FORWARD_CASES = path.resolve(import.meta.dirname, '../../../../shared/data/golden/forward_cases.npz');
export const hasForwardCases = fs.existsSync(FORWARD_CASES);

export function loadForwardCases(): Record<string, NdArray> {
  return parseNpz(new Uint8Array(fs.readFileSync(FORWARD_CASES)), { file: FORWARD_CASES });
}

/** Splits an interleaved complex NdArray into float32 planes. */
export function toComplex(a: NdArray): ComplexArray {
  const n = a.data.length / 2, re = new Float32Array(n), im = new Float32Array(n);
  for (let k = 0; k < n; k++) { re[k] = Number(a.data[2 * k]); im[k] = Number(a.data[2 * k + 1]); }
  return { shape: a.shape, re, im };
}

/** A real NdArray as float64 numbers. */
export function toFloat64(a: NdArray): Float64Array {
  return Float64Array.from(a.data as ArrayLike<number>);
}
