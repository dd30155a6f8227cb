import { InputError, type ComplexArray } from '@ptychojs/io';
import type { ScanBox } from './types.js';
import { placeAndCrop } from './internal/place-and-crop.js';

/** Amplitude and phase of truth and reconstruction, aligned on the evaluation crop. */
export interface AlignedPair {
  /** Crop size. */
  readonly height: number;
  readonly width: number;
  /** First row and column of the crop in the truth frame. */
  readonly row0: number;
  readonly col0: number;
  /** |truth| @shape (h, w) float64 */
  readonly truthAmplitude: Float64Array;
  /** angle(truth) in (−π, π] @shape (h, w) float64 */
  readonly truthPhase: Float64Array;
  /** gain · |recon| @shape (h, w) float64 */
  readonly reconAmplitude: Float64Array;
  /** angle(recon · e^{iφ₀}) in (−π, π] @shape (h, w) float64 */
  readonly reconPhase: Float64Array;
  /** φ₀ = angle(Σ truth · conj(recon)), radians, added to the reconstruction's phase. */
  readonly phaseOffset: number;
  /** g = Σ|t||r| / Σ|r|², the least-squares amplitude gain applied to |recon|. */
  readonly gain: number;
  /** The integer origin used. */
  readonly origin: readonly [number, number];
  /** What was rounded or clipped on the way. */
  readonly notes: readonly string[];
}

/**
 * Align a reconstruction to the ground truth before scoring (SPEC §4, standard profile):
 * 1. place both in the truth's frame — recon pixel (r, c) is the object point
 *    (x = c + x0, y = r + y0), `reconOrigin = [x0, y0]` (the reconstruction's `canvasOrigin`, SPEC §3);
 *    a fractional origin is rounded to the nearest integer with a note (no resampling);
 * 2. crop both to the scan box (inclusive, `ceil(min)…floor(max)`), clipped to both images (noted);
 * 3. remove the global phase offset: φ₀ = angle(Σ t·conj(r)), r ← r·e^{iφ₀} (which maximizes
 *    Re Σ t·conj(r e^{iφ₀}));
 * 4. fit the amplitude gain by least squares, g = argmin Σ(|t| − g|r|)² = Σ|t||r| / Σ|r|².
 * @param recon (H, W) complex reconstruction
 * @param reconOrigin [x0, y0] in truth pixels
 * @param truth (Ht, Wt) complex ground truth (`objectGuess`)
 * @param scanBox box spanned by the scan positions; omitted = the whole overlap
 * @throws InputError on bad shapes, non-finite values, no overlap, or a reconstruction that is zero on the crop.
 */
export function alignForEvaluation(recon: ComplexArray, reconOrigin: readonly [number, number], truth: ComplexArray, scanBox?: ScanBox): AlignedPair {
  const p = placeAndCrop('alignForEvaluation', recon, reconOrigin, truth, scanBox);
  const n = p.height * p.width;
  let zr = 0, zi = 0, tr = 0, rr = 0;
  const ta = new Float64Array(n), ra = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = p.truthRe[i]!, b = p.truthIm[i]!, c = p.reconRe[i]!, d = p.reconIm[i]!;
    // t·conj(r) = (a + ib)(c − id)
    zr += a * c + b * d;
    zi += b * c - a * d;
    ta[i] = Math.hypot(a, b);
    ra[i] = Math.hypot(c, d);
    tr += ta[i]! * ra[i]!;
    rr += ra[i]! * ra[i]!;
  }
  if (!(rr > 0)) {
    throw new InputError('alignForEvaluation: the reconstruction is zero everywhere on the evaluation box', { key: 'recon', expected: 'non-zero values in the scan box', actual: 'all zero' });
  }
  const notes = [...p.notes];
  if (zr === 0 && zi === 0) notes.push('Σ truth·conj(recon) is 0: phase offset undefined, none removed');
  const phi0 = Math.atan2(zi, zr), cs = Math.cos(phi0), sn = Math.sin(phi0), gain = tr / rr;
  const tp = new Float64Array(n), rp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tp[i] = Math.atan2(p.truthIm[i]!, p.truthRe[i]!);
    const c = p.reconRe[i]!, d = p.reconIm[i]!;
    rp[i] = Math.atan2(c * sn + d * cs, c * cs - d * sn);
    ra[i] = gain * ra[i]!;
  }
  return {
    height: p.height, width: p.width, row0: p.row0, col0: p.col0,
    truthAmplitude: ta, truthPhase: tp, reconAmplitude: ra, reconPhase: rp,
    phaseOffset: phi0, gain, origin: p.origin, notes,
  };
}
