/**
 * Private float64 FFT for the metrics (FRC, registration). Radix-2 for power-of-two lengths,
 * Bluestein's chirp-z algorithm (on top of the radix-2 core) for every other length, so the DFT
 * is exact at any size and no image has to be padded or cropped to a power of two.
 * Unnormalized in both directions: `dft(dft(x), inverse) = n·x`.
 *
 * Written here rather than taken from npm (`fft.js` is not installed in this workspace and a
 * radix-2-only package would still need the Bluestein wrapper); @ptychojs/physics keeps its own
 * float32 transform for the forward model, which this package may not depend on (SPEC §2).
 */

interface Twiddles { readonly cos: Float64Array; readonly sin: Float64Array; readonly rev: Uint32Array }
const twiddleCache = new Map<number, Twiddles>();

function twiddles(n: number): Twiddles {
  let t = twiddleCache.get(n);
  if (t) return t;
  const cos = new Float64Array(n >> 1), sin = new Float64Array(n >> 1);
  for (let k = 0; k < n >> 1; k++) {
    // exp(-2πik/n), each entry computed directly (no recurrence, so no error build-up)
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  const rev = new Uint32Array(n);
  const bits = Math.round(Math.log2(n));
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r >>> 0;
  }
  t = { cos, sin, rev };
  if (twiddleCache.size > 32) twiddleCache.clear();
  twiddleCache.set(n, t);
  return t;
}

/** True for 1, 2, 4, 8, … */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && (n & (n - 1)) === 0;
}

/** Smallest power of two ≥ n. */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** In-place radix-2 DFT; `re.length` must be a power of two. Forward uses exp(−2πi jk/n). */
export function fftRadix2(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n <= 1) return;
  const { cos, sin, rev } = twiddles(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i]!;
    if (i < j) {
      const tr = re[i]!; re[i] = re[j]!; re[j] = tr;
      const ti = im[i]!; im[i] = im[j]!; im[j] = ti;
    }
  }
  const sign = inverse ? -1 : 1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1, step = n / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!, wi = sign * sin[k * step]!;
        const a = start + k, b = a + half;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr; im[b] = im[a]! - xi;
        re[a] = re[a]! + xr; im[a] = im[a]! + xi;
      }
    }
  }
}

interface BluesteinPlan {
  readonly m: number;
  /** chirp c_k = exp(−iπ k²/n), k < n */
  readonly cr: Float64Array;
  readonly ci: Float64Array;
  /** DFT (size m) of the conjugate chirp laid out circularly */
  readonly br: Float64Array;
  readonly bi: Float64Array;
}
const bluesteinCache = new Map<number, BluesteinPlan>();

function bluesteinPlan(n: number): BluesteinPlan {
  let p = bluesteinCache.get(n);
  if (p) return p;
  const m = nextPowerOfTwo(2 * n - 1);
  const cr = new Float64Array(n), ci = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = (Math.PI * ((k * k) % (2 * n))) / n; // k² mod 2n keeps the angle small and exact
    cr[k] = Math.cos(a);
    ci[k] = -Math.sin(a);
  }
  const br = new Float64Array(m), bi = new Float64Array(m);
  br[0] = cr[0]!; bi[0] = -ci[0]!;
  for (let k = 1; k < n; k++) {
    br[k] = br[m - k] = cr[k]!;
    bi[k] = bi[m - k] = -ci[k]!;
  }
  fftRadix2(br, bi);
  p = { m, cr, ci, br, bi };
  if (bluesteinCache.size > 32) bluesteinCache.clear();
  bluesteinCache.set(n, p);
  return p;
}

/** In-place DFT of any length (radix-2 when possible, else Bluestein). Unnormalized. */
export function dft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (isPowerOfTwo(n)) { fftRadix2(re, im, inverse); return; }
  const { m, cr, ci, br, bi } = bluesteinPlan(n);
  // Inverse DFT = conj(DFT(conj(x))): conjugate in, conjugate out.
  const s = inverse ? -1 : 1;
  const ar = new Float64Array(m), ai = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const xr = re[k]!, xi = s * im[k]!;
    ar[k] = xr * cr[k]! - xi * ci[k]!;
    ai[k] = xr * ci[k]! + xi * cr[k]!;
  }
  fftRadix2(ar, ai);
  for (let k = 0; k < m; k++) {
    const xr = ar[k]! * br[k]! - ai[k]! * bi[k]!;
    const xi = ar[k]! * bi[k]! + ai[k]! * br[k]!;
    ar[k] = xr; ai[k] = xi;
  }
  fftRadix2(ar, ai, true);
  for (let k = 0; k < n; k++) {
    const yr = ar[k]! / m, yi = ai[k]! / m;
    re[k] = yr * cr[k]! - yi * ci[k]!;
    im[k] = s * (yr * ci[k]! + yi * cr[k]!);
  }
}

/**
 * In-place 2-D DFT of an (H, W) row-major complex plane, rows then columns. Unnormalized.
 * @shape re (H, W) float64
 * @shape im (H, W) float64
 */
export function dft2d(re: Float64Array, im: Float64Array, H: number, W: number, inverse = false): void {
  const rr = new Float64Array(W), ri = new Float64Array(W);
  for (let r = 0; r < H; r++) {
    const o = r * W;
    for (let c = 0; c < W; c++) { rr[c] = re[o + c]!; ri[c] = im[o + c]!; }
    dft(rr, ri, inverse);
    for (let c = 0; c < W; c++) { re[o + c] = rr[c]!; im[o + c] = ri[c]!; }
  }
  const cr = new Float64Array(H), ci = new Float64Array(H);
  for (let c = 0; c < W; c++) {
    for (let r = 0; r < H; r++) { cr[r] = re[r * W + c]!; ci[r] = im[r * W + c]!; }
    dft(cr, ci, inverse);
    for (let r = 0; r < H; r++) { re[r * W + c] = cr[r]!; im[r * W + c] = ci[r]!; }
  }
}
