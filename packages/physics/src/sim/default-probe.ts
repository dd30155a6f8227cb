import { ifft2, InputError, isPowerOfTwo, type ComplexArray } from '@ptychojs/io';
import { defaultProbeDefocus } from './default-probe-defocus.js';
import { erf } from './erf.js';
import { fftshift2 } from './fftshift2.js';

/** Options of {@link defaultProbe}. */
export interface DefaultProbeOptions {
  /** Pupil (aperture) radius in detector pixels, i.e. the far-field disk radius. Default N/4. */
  readonly pupilRadius?: number;
  /** Gaussian σ, in detector pixels, blurring the pupil's edge (low-pass of the probe). Default 1. */
  readonly edgeSmoothing?: number;
  /**
   * Defocus: quadratic pupil phase `defocusPhase·(ρ/R)²`, in radians at the pupil edge. It spreads
   * the probe to a geometric radius ≈ N·defocusPhase/(π·R) pixels. Default 0.9·R, which gives an
   * rms radius ≈ N/5 (12.9 px at N = 64, 25.8 at 128, 51.4 at 256). 0 gives an Airy-like focus.
   */
  readonly defocusPhase?: number;
  /** Σ|P|² of the result. Default 1 (unit energy, like the fly001 probe). */
  readonly energy?: number;
}

/**
 * The simulator's default probe, in the spirit of PtychoPINN's default: a circular pupil of radius
 * R with a Gaussian-smoothed edge, `pupil(ρ) = ½·erfc((ρ − R)/(√2·σ))`, times a defocus phase
 * `exp(i·defocusPhase·(ρ/R)²)`, inverse-Fourier-transformed to the sample plane and centred at
 * (N/2, N/2). So its far field `|FFT2(P)|/N` is the smoothed disk, and in the sample plane it is a
 * defocused, ring-modulated spot (not a perfect Airy pattern), normalized to Σ|P|² = `energy` (1).
 * With the defaults its rms radius is ≈ N/5 (measure it with `probeRmsRadius`), so a 4–8 px scan
 * step gives strong overlap at N = 64.
 *
 * @param n probe side N (a power of two: 64, 128, 256, …)
 * @returns (N, N) complex probe, float32 planes
 */
export function defaultProbe(n: number, opts: DefaultProbeOptions = {}): ComplexArray {
  if (!isPowerOfTwo(n) || n < 2) throw new InputError(`defaultProbe: N must be a power of two ≥ 2, got ${n}`);
  const R = opts.pupilRadius ?? n / 4;
  const sigma = opts.edgeSmoothing ?? 1;
  const defocus = opts.defocusPhase ?? defaultProbeDefocus(n, R);
  const energy = opts.energy ?? 1;
  if (!(R > 0) || !Number.isFinite(R)) throw new InputError(`defaultProbe: pupilRadius must be positive, got ${R}`);
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new InputError(`defaultProbe: edgeSmoothing must be ≥ 0, got ${sigma}`);
  if (!Number.isFinite(defocus)) throw new InputError(`defaultProbe: defocusPhase must be finite, got ${defocus}`);
  if (!(energy > 0) || !Number.isFinite(energy)) throw new InputError(`defaultProbe: energy must be positive, got ${energy}`);

  // Pupil in unshifted frequency order (index u ↔ frequency u or u − N).
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let u = 0; u < n; u++) {
    const fu = u < n / 2 ? u : u - n;
    for (let v = 0; v < n; v++) {
      const fv = v < n / 2 ? v : v - n;
      const rho = Math.hypot(fu, fv);
      const a = sigma > 0 ? 0.5 * (1 - erf((rho - R) / (Math.SQRT2 * sigma))) : rho <= R ? 1 : 0;
      const p = defocus * (rho / R) ** 2;
      re[u * n + v] = a * Math.cos(p);
      im[u * n + v] = a * Math.sin(p);
    }
  }
  ifft2(re, im, n);
  const sr = fftshift2(re, n), si = fftshift2(im, n);
  let e = 0;
  for (let i = 0; i < n * n; i++) e += sr[i]! ** 2 + si[i]! ** 2;
  const s = Math.sqrt(energy / e);
  const outRe = new Float32Array(n * n), outIm = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) { outRe[i] = sr[i]! * s; outIm[i] = si[i]! * s; }
  return { shape: [n, n], re: outRe, im: outIm };
}
