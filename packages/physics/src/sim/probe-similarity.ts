import { fft2, ifft2, InputError, type ComplexArray } from '@ptychojs/io';

/**
 * {@link probeSimilarity}'s correlation below which a network trained under one probe is refused for
 * data taken with the other (a model for a scan, scans of one training with the first scan's), and
 * below which it is accepted with a warning. Measured on the default probe (rms 15.5 px at N = 64)
 * against the same probe at other defocus: rms 15 → 0.987, 14 → 0.888, 13 → 0.708, 12 → 0.482,
 * 10 → 0.225; the fly001 probe → 0.023.
 */
export const PROBE_REFUSE_BELOW = 0.5;
/** See {@link PROBE_REFUSE_BELOW}. */
export const PROBE_WARN_BELOW = 0.9;

/** Result of {@link probeSimilarity}. */
export interface ProbeSimilarity {
  /** max over shifts s of |Σ conj(a(r))·b(r + s)| / (‖a‖·‖b‖), in [0, 1]; 1 for equal probes up to a global phase and a shift. */
  readonly correlation: number;
  /** The shift (x, y) in pixels at the maximum (circular, in [−N/2, N/2)). */
  readonly shift: readonly [number, number];
  /** ‖b‖²/‖a‖²: the energy ratio, which the correlation ignores (the data's normalization absorbs it). */
  readonly energyRatio: number;
}

/**
 * How alike two probes are for a network trained under one of them (issue 15's compatibility check):
 * the normalized cross-correlation magnitude maximized over circular shifts, computed with FFTs
 * (`|IFFT(conj(FFT a)·FFT b)|`). Invariant to a global phase (unobservable in ptychography) and to a
 * translation (it moves the object with it, which stitching absorbs) and to the probe's scale (the
 * normalization divides it out); sensitive to size, shape, defocus and structure. By Cauchy–Schwarz
 * the value is ≤ 1, with equality exactly when b is a shifted, phase-rotated multiple of a.
 *
 * @shape a, b (N, N) complex
 * @throws InputError when the shapes differ or a probe has no energy
 */
export function probeSimilarity(a: ComplexArray, b: ComplexArray): ProbeSimilarity {
  const [H, W] = a.shape as [number, number];
  if (a.shape.length !== 2 || b.shape.length !== 2 || b.shape[0] !== H || b.shape[1] !== W) {
    throw new InputError('probes of different shapes cannot be compared', { key: 'probeGuess', expected: `(${a.shape.join(', ')})`, actual: `(${b.shape.join(', ')})` });
  }
  const n = H * W;
  const ar = Float64Array.from(a.re), ai = Float64Array.from(a.im), br = Float64Array.from(b.re), bi = Float64Array.from(b.im);
  let ea = 0, eb = 0;
  for (let i = 0; i < n; i++) { ea += ar[i]! ** 2 + ai[i]! ** 2; eb += br[i]! ** 2 + bi[i]! ** 2; }
  if (!(ea > 0) || !(eb > 0)) throw new InputError('a probe without energy cannot be compared', { key: 'probeGuess', expected: 'Σ|P|² > 0', actual: `${ea > 0 ? eb : ea}` });
  fft2(ar, ai, H, W);
  fft2(br, bi, H, W);
  // conj(A)·B, then the inverse transform: the cross-correlation c(s) = Σ conj(a(r))·b(r + s).
  for (let i = 0; i < n; i++) {
    const xr = ar[i]!, xi = -ai[i]!;
    const yr = br[i]!, yi = bi[i]!;
    ar[i] = xr * yr - xi * yi;
    ai[i] = xr * yi + xi * yr;
  }
  ifft2(ar, ai, H, W);
  let best = 0, at = 0;
  for (let i = 0; i < n; i++) {
    const m = ar[i]! ** 2 + ai[i]! ** 2;
    if (m > best) { best = m; at = i; }
  }
  const row = Math.floor(at / W), col = at % W;
  const wrap = (v: number, m: number) => (v >= m / 2 ? v - m : v);
  return { correlation: Math.min(1, Math.sqrt(best / (ea * eb))), shift: [wrap(col, W), wrap(row, H)], energyRatio: eb / ea };
}
