import { InputError, type ComplexArray } from '@ptychojs/io';
import type { ScanBox } from './types.js';
import { placeAndCrop } from './internal/place-and-crop.js';
import { phasesOnCircle } from './internal/phases-on-circle.js';

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
  /** angle(truth · e^{−ic}) in (−π, π]: the truth's phase re-centred at its circular mean c. @shape (h, w) float64 */
  readonly truthPhase: Float64Array;
  /** gain · |recon| @shape (h, w) float64 */
  readonly reconAmplitude: Float64Array;
  /**
   * truthPhase + angle(recon · e^{iφ₀} · conj(truth)): the reconstruction's phase on the branch
   * nearest the truth, so reconPhase − truthPhase ∈ (−π, π] is the phase error on the circle.
   * @shape (h, w) float64
   */
  readonly reconPhase: Float64Array;
  /** φ₀ = angle(Σ t·conj(r)), radians, added to the reconstruction's phase. */
  readonly phaseOffset: number;
  /** c = angle(Σ e^{i·angle(t)}), the truth's circular mean phase (radians), subtracted from both phases. */
  readonly phaseCentre: number;
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
 * 4. take phases on the circle: the truth's phase re-centred at its circular mean (so a phase near
 *    ±π is not split into two values 2π apart), the reconstruction's on the branch nearest the
 *    truth (so every phase difference is wrapped into (−π, π]); the scores do not depend on either
 *    image's global phase;
 * 5. fit the amplitude gain by least squares, g = argmin Σ(|t| − g|r|)² = Σ|t||r| / Σ|r|².
 * @param recon (H, W) complex reconstruction
 * @param reconOrigin [x0, y0] in truth pixels
 * @param truth (Ht, Wt) complex ground truth (`objectGuess`)
 * @param scanBox box spanned by the scan positions; omitted = the whole overlap
 * @throws InputError on bad shapes, non-finite values, no overlap, or a reconstruction that is zero on the crop.
 */
export function alignForEvaluation(recon: ComplexArray, reconOrigin: readonly [number, number], truth: ComplexArray, scanBox?: ScanBox): AlignedPair {
  const p = placeAndCrop('alignForEvaluation', recon, reconOrigin, truth, scanBox);
  const n = p.height * p.width;
  let tr = 0, rr = 0;
  const ta = new Float64Array(n), ra = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ta[i] = Math.hypot(p.truthRe[i]!, p.truthIm[i]!);
    ra[i] = Math.hypot(p.reconRe[i]!, p.reconIm[i]!);
    tr += ta[i]! * ra[i]!;
    rr += ra[i]! * ra[i]!;
  }
  if (!(rr > 0)) {
    throw new InputError('alignForEvaluation: the reconstruction is zero everywhere on the evaluation box', { key: 'recon', expected: 'non-zero values in the scan box', actual: 'all zero' });
  }
  const ph = phasesOnCircle(p), gain = tr / rr;
  for (let i = 0; i < n; i++) ra[i] = gain * ra[i]!;
  return {
    height: p.height, width: p.width, row0: p.row0, col0: p.col0,
    truthAmplitude: ta, truthPhase: ph.truthPhase, reconAmplitude: ra, reconPhase: ph.reconPhase,
    phaseOffset: ph.phaseOffset, phaseCentre: ph.phaseCentre, gain, origin: p.origin, notes: [...p.notes, ...ph.notes],
  };
}
