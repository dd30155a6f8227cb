import { createRng } from '@ptychojs/io';

/**
 * `count` seeded standard-normal arrays of the given sizes, rounded to float32 (so that float64
 * references see exactly the values a tensor holds).
 */
export function randomNormalArrays(seed: number, sizes: readonly number[]): Float32Array[] {
  const rng = createRng(seed);
  return sizes.map((n) => Float32Array.from({ length: n }, () => rng.normal()));
}

/** Seeded uniform float32 values in [lo, hi). */
export function randomUniformArray(seed: number, n: number, lo: number, hi: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.next());
}
