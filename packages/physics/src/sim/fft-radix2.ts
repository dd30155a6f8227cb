import { isPowerOfTwo } from './is-power-of-two.js';

/**
 * Radix-2 iterative Cooley–Tukey FFT on float64 split planes: the plain reference that the tfjs
 * DFT (SPEC §5) is tested against. Internal to `src/sim`; the public entry points are `fft2` and
 * `ifft2`.
 */

interface Plan {
  readonly n: number;
  /** Bit-reversal permutation of 0..n−1. */
  readonly rev: Uint32Array;
  /** cos(2πk/n), k < n/2. */
  readonly cos: Float64Array;
  /** sin(2πk/n), k < n/2. */
  readonly sin: Float64Array;
}

const plans = new Map<number, Plan>();

function plan(n: number): Plan {
  let p = plans.get(n);
  if (p) return p;
  if (!isPowerOfTwo(n)) throw new RangeError(`fft: size must be a power of two, got ${n}`);
  const bits = Math.round(Math.log2(n));
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, v = i; b < bits; b++, v >>>= 1) r = (r << 1) | (v & 1);
    rev[i] = r;
  }
  const half = n >>> 1;
  const cos = new Float64Array(half), sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    const t = (2 * Math.PI * k) / n;
    cos[k] = Math.cos(t);
    sin[k] = Math.sin(t);
  }
  p = { n, rev, cos, sin };
  plans.set(n, p);
  return p;
}

/**
 * Unnormalized 1-D DFT of `n` contiguous values at `offset` in `re`/`im`, in place.
 * `sign = −1` is the forward transform X[k] = Σ x[j]·e^{−2πi jk/n} (numpy's `fft`), `sign = +1` the
 * unnormalized inverse.
 */
function fft1dInPlace(re: Float64Array, im: Float64Array, offset: number, n: number, sign: 1 | -1): void {
  if (n <= 1) return;
  const { rev, cos, sin } = plan(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i]!;
    if (j > i) {
      const a = offset + i, b = offset + j;
      const tr = re[a]!; re[a] = re[b]!; re[b] = tr;
      const ti = im[a]!; im[a] = im[b]!; im[b] = ti;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >>> 1, step = n / size;
    for (let start = offset; start < offset + n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!, wi = sign * sin[k * step]!;
        const a = start + k, b = a + half;
        const br = re[b]!, bi = im[b]!;
        const xr = br * wr - bi * wi, xi = br * wi + bi * wr;
        const ar = re[a]!, ai = im[a]!;
        re[a] = ar + xr; im[a] = ai + xi;
        re[b] = ar - xr; im[b] = ai - xi;
      }
    }
  }
}

/**
 * Unnormalized 2-D DFT, in place, of every `rows × cols` image stacked in `re`/`im` (C order).
 * Rows are transformed where they lie; columns through a scratch buffer.
 */
export function fft2dInPlace(re: Float64Array, im: Float64Array, rows: number, cols: number, sign: 1 | -1): void {
  const size = rows * cols;
  if (re.length !== im.length || size === 0 || re.length % size !== 0) {
    throw new RangeError(`fft2: planes of length ${re.length}/${im.length} are not a stack of ${rows}×${cols} images`);
  }
  plan(rows);
  plan(cols);
  const colRe = new Float64Array(rows), colIm = new Float64Array(rows);
  for (let base = 0; base < re.length; base += size) {
    for (let r = 0; r < rows; r++) fft1dInPlace(re, im, base + r * cols, cols, sign);
    for (let c = 0; c < cols; c++) {
      for (let r = 0, p = base + c; r < rows; r++, p += cols) { colRe[r] = re[p]!; colIm[r] = im[p]!; }
      fft1dInPlace(colRe, colIm, 0, rows, sign);
      for (let r = 0, p = base + c; r < rows; r++, p += cols) { re[p] = colRe[r]!; im[p] = colIm[r]!; }
    }
  }
}
