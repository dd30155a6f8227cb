import { fft2 } from '@ptychojs/io';
import { hannApodize } from './hann-apodize.js';

/** Per-ring sums of two images' spectra. */
export interface RingSums {
  /** Side L of the centred square crop. */
  readonly side: number;
  /** Σ_ring Re(Fa·conj Fb) (the imaginary part cancels over a ring for real images). */
  readonly cross: Float64Array;
  /** Σ_ring Im(Fa·conj Fb) (non-zero for complex images; their relative global phase). */
  readonly crossIm: Float64Array;
  /** Σ_ring |Fa|² */
  readonly pa: Float64Array;
  /** Σ_ring |Fb|² */
  readonly pb: Float64Array;
  /** Fourier pixels per ring */
  readonly count: Int32Array;
}

/** Imaginary planes of complex images and a translation of `b`, for {@link frcRingSums}. */
export interface RingSumsOptions {
  /** @shape (H, W) imaginary plane of a (default 0: a real image) */
  readonly aIm?: ArrayLike<number>;
  /** @shape (H, W) imaginary plane of b */
  readonly bIm?: ArrayLike<number>;
  /** Translate b by (dx, dy) pixels after the window (SPEC §3 convention), as the phase ramp e^{−2πi(kx·dx + ky·dy)/L} on its DFT. */
  readonly shift?: readonly [number, number];
}

/**
 * Centre-crop both (H, W) images to the L×L square, L = min(H, W) (rows from ⌊(H−L)/2⌋, columns
 * from ⌊(W−L)/2⌋), apodize each with {@link hannApodize} when `window` is 'hann' (L ≥ 2; a
 * complex image's real and imaginary planes each), take their 2-D DFTs and sum over integer rings
 * r = round(√(kx² + ky²)), k the signed integer frequency (numpy `fftfreq·L`; ties cannot occur).
 * All rings out to the corner are returned (r ≤ round(L/√2)); Nyquist is r = L/2.
 * @shape a (H, W)
 * @shape b (H, W)
 */
export function frcRingSums(a: ArrayLike<number>, b: ArrayLike<number>, H: number, W: number, window: 'hann' | 'none' = 'none', opts: RingSumsOptions = {}): RingSums {
  const L = Math.min(H, W), r0 = Math.floor((H - L) / 2), c0 = Math.floor((W - L) / 2);
  let ar: Float64Array = new Float64Array(L * L), br: Float64Array = new Float64Array(L * L);
  let ai: Float64Array = new Float64Array(L * L), bi: Float64Array = new Float64Array(L * L);
  const { aIm, bIm } = opts;
  for (let r = 0; r < L; r++) {
    for (let c = 0; c < L; c++) {
      const src = (r + r0) * W + c + c0;
      ar[r * L + c] = a[src]!;
      br[r * L + c] = b[src]!;
      if (aIm) ai[r * L + c] = aIm[src]!;
      if (bIm) bi[r * L + c] = bIm[src]!;
    }
  }
  if (window === 'hann') {
    ar = hannApodize(ar, L); br = hannApodize(br, L);
    if (aIm) ai = hannApodize(ai, L);
    if (bIm) bi = hannApodize(bi, L);
  }
  fft2(ar, ai, L, L);
  fft2(br, bi, L, L);
  const half = Math.floor((L - 1) / 2);
  const freq = (u: number): number => (u <= half ? u : u - L);
  if (opts.shift && (opts.shift[0] !== 0 || opts.shift[1] !== 0)) {
    const [dx, dy] = opts.shift;
    for (let u = 0; u < L; u++) for (let v = 0; v < L; v++) {
      const t = (-2 * Math.PI * (freq(v) * dx + freq(u) * dy)) / L, cr = Math.cos(t), ci = Math.sin(t), i = u * L + v;
      const x = br[i]!, y = bi[i]!;
      br[i] = x * cr - y * ci; bi[i] = x * ci + y * cr;
    }
  }
  let maxRing = 0;
  for (let u = 0; u < L; u++) for (let v = 0; v < L; v++) maxRing = Math.max(maxRing, Math.round(Math.hypot(freq(u), freq(v))));
  const n = maxRing + 1;
  const cross = new Float64Array(n), crossIm = new Float64Array(n), pa = new Float64Array(n), pb = new Float64Array(n), count = new Int32Array(n);
  for (let u = 0; u < L; u++) {
    const ky = freq(u);
    for (let v = 0; v < L; v++) {
      const ring = Math.round(Math.sqrt(ky * ky + freq(v) ** 2));
      const i = u * L + v;
      cross[ring] = cross[ring]! + ar[i]! * br[i]! + ai[i]! * bi[i]!;
      crossIm[ring] = crossIm[ring]! + ai[i]! * br[i]! - ar[i]! * bi[i]!;
      pa[ring] = pa[ring]! + ar[i]! * ar[i]! + ai[i]! * ai[i]!;
      pb[ring] = pb[ring]! + br[i]! * br[i]! + bi[i]! * bi[i]!;
      count[ring] = count[ring]! + 1;
    }
  }
  return { side: L, cross, crossIm, pa, pb, count };
}

/**
 * First index ≥ `start` whose value is below `threshold` (NaN entries are skipped), linearly
 * interpolated from the previous finite entry at or above the threshold:
 * `i* = i₀ + (v₀ − t)/(v₀ − v₁)·(i − i₀)`. Returns the index itself when no such earlier entry
 * exists, and `null` when the curve never drops below the threshold.
 */
export function firstCrossing(values: ArrayLike<number>, threshold: number, start: number): number | null {
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (i >= start && v < threshold) {
      if (prev < 0) return i;
      const v0 = values[prev]!;
      return prev + ((v0 - threshold) / (v0 - v)) * (i - prev);
    }
    prev = v >= threshold ? i : -1;
  }
  return null;
}
