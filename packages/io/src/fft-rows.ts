import { lineTransform } from './internal/fft-line.js';

/**
 * Forward 1-D DFT of each of `rows` lines of `n` complex values stored interleaved
 * (`[re, im, re, im, …]`, row after row): `out[r, k] = Σ_j in[r, j]·e^{−2πi jk/n}` (numpy's
 * `fft(…, axis=−1)`, unnormalized). The same transform as {@link fft2} (fft.js radix-4 for powers
 * of two, Bluestein otherwise), without copies: the entry point for hot loops (ePIE) that keep
 * their fields interleaved and transpose between passes. The inverse is
 * `conj(fftRows(conj(x)))/n`.
 *
 * @shape out (rows, n, 2) float64, written; must not overlap `input`
 * @shape input (rows, n, 2) float64, read only
 * @throws RangeError when a buffer is shorter than rows·n complex values, or they are the same buffer
 */
export function fftRows(out: Float64Array, input: Float64Array, rows: number, n: number): void {
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(n) || rows < 0 || n < 1) throw new RangeError(`fftRows: rows and n must be integers ≥ 0 and ≥ 1, got ${rows} and ${n}`);
  if (input.length < 2 * rows * n || out.length < 2 * rows * n) throw new RangeError(`fftRows: buffers of ${input.length} and ${out.length} values are shorter than ${rows}×${n} complex values`);
  if (out.buffer === input.buffer && out.byteOffset < input.byteOffset + 16 * rows * n && input.byteOffset < out.byteOffset + 16 * rows * n) {
    throw new RangeError('fftRows: out and input overlap');
  }
  const t = lineTransform(n), a = rowViews(out, rows, n), b = rowViews(input, rows, n);
  for (let r = 0; r < rows; r++) t.forward(a[r]!, b[r]!);
}

/** One subarray per row, cached per buffer: hot loops call this on the same buffers ~10⁴ times a second. */
const views = new WeakMap<Float64Array, { n: number; rows: Float64Array[] }>();

function rowViews(buf: Float64Array, rows: number, n: number): Float64Array[] {
  let v = views.get(buf);
  if (!v || v.n !== n || v.rows.length < rows) {
    v = { n, rows: Array.from({ length: rows }, (_, r) => buf.subarray(2 * n * r, 2 * n * (r + 1))) };
    views.set(buf, v);
  }
  return v.rows;
}
