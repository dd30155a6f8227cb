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

/** Naive O(N⁴) 2-D DFT with the numpy sign convention (independent of the radix-2 code). */
export function naiveDft2(re: Float64Array, im: Float64Array, rows: number, cols: number, sign = -1): { re: Float64Array; im: Float64Array } {
  const oR = new Float64Array(rows * cols), oI = new Float64Array(rows * cols);
  for (let u = 0; u < rows; u++) for (let v = 0; v < cols; v++) {
    let sr = 0, si = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const t = sign * 2 * Math.PI * (((u * r) % rows) / rows + ((v * c) % cols) / cols);
      const x = re[r * cols + c]!, y = im[r * cols + c]!;
      sr += x * Math.cos(t) - y * Math.sin(t);
      si += x * Math.sin(t) + y * Math.cos(t);
    }
    oR[u * cols + v] = sr; oI[u * cols + v] = si;
  }
  return { re: oR, im: oI };
}
