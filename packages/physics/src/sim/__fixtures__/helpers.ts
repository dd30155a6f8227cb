// Helpers shared by the tests of src/sim (under __fixtures__, so neither built nor published).
import { createRng } from '@ptychojs/io';

/** max|a − b| / max|b|: the relative error used throughout these tests. */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let d = 0, m = 0;
  for (let i = 0; i < a.length; i++) { d = Math.max(d, Math.abs(a[i]! - b[i]!)); m = Math.max(m, Math.abs(b[i]!)); }
  return d / m;
}

/** Seeded standard-normal float64 planes. */
export function randomPlanes(n: number, seed: number): { re: Float64Array; im: Float64Array } {
  const r = createRng(seed);
  const re = new Float64Array(n), im = new Float64Array(n);
  for (let i = 0; i < n; i++) { re[i] = r.normal(); im[i] = r.normal(); }
  return { re, im };
}
