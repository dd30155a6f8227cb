import type { PlacedCrop } from './place-and-crop.js';

/** Phase planes of truth and reconstruction whose differences are taken on the circle. */
export interface CirclePhases {
  /** wrap(angle(t) − c) in (−π, π]: the truth's phase re-centred at its circular mean. @shape (h, w) float64 */
  readonly truthPhase: Float64Array;
  /** truthPhase + wrap(angle(r·e^{iφ₀}) − angle(t)): the reconstruction on the branch nearest the truth. @shape (h, w) float64 */
  readonly reconPhase: Float64Array;
  /** φ₀ = angle(Σ t·conj(r)), radians, added to the reconstruction's phase. */
  readonly phaseOffset: number;
  /** c = angle(Σ e^{i·angle(t)}), the truth's circular mean phase, subtracted from both. */
  readonly phaseCentre: number;
  readonly notes: readonly string[];
}

/**
 * Phases for scoring, with every difference taken on the circle (SPEC §4, issue 8):
 * 1. remove the global phase offset: φ₀ = angle(Σ t·conj(r)), r ← r·e^{iφ₀};
 * 2. re-centre the truth at its circular mean c = angle(Σ e^{i·angle(t)}):
 *    φ_t = angle(t·e^{−ic}) ∈ (−π, π], so a phase that sits near ±π is not split into two values
 *    2π apart (it wraps only if the truth itself spans the circle);
 * 3. put the reconstruction on the branch nearest the truth, pixel by pixel:
 *    φ_r = φ_t + angle(r·conj(t)), so φ_r − φ_t ∈ (−π, π] is the error on the circle.
 * Every real-valued metric of (φ_t, φ_r) then sees circular differences only, and the result does
 * not depend on either image's global phase. Pixels where t or r is 0 have angle 0.
 */
export function phasesOnCircle(p: PlacedCrop): CirclePhases {
  const n = p.height * p.width, notes: string[] = [];
  let zr = 0, zi = 0, sc = 0, ss = 0;
  for (let i = 0; i < n; i++) {
    const a = p.truthRe[i]!, b = p.truthIm[i]!, c = p.reconRe[i]!, d = p.reconIm[i]!;
    zr += a * c + b * d; // t·conj(r) = (a + ib)(c − id)
    zi += b * c - a * d;
    const phi = Math.atan2(b, a);
    sc += Math.cos(phi); ss += Math.sin(phi);
  }
  if (zr === 0 && zi === 0) notes.push('Σ truth·conj(recon) is 0: phase offset undefined, none removed');
  const phi0 = Math.atan2(zi, zr), centre = Math.atan2(ss, sc);
  const c0 = Math.cos(phi0), s0 = Math.sin(phi0), cc = Math.cos(centre), sn = Math.sin(centre);
  const tp = new Float64Array(n), rp = new Float64Array(n);
  let hi = false, lo = false;
  for (let i = 0; i < n; i++) {
    const a = p.truthRe[i]!, b = p.truthIm[i]!;
    const c = p.reconRe[i]! * c0 - p.reconIm[i]! * s0, d = p.reconRe[i]! * s0 + p.reconIm[i]! * c0; // r·e^{iφ₀}
    tp[i] = Math.atan2(b * cc - a * sn, a * cc + b * sn); // angle(t·e^{−ic})
    rp[i] = tp[i]! + Math.atan2(d * a - c * b, c * a + d * b); // + angle(r·conj(t))
    if (tp[i]! > 0.75 * Math.PI) hi = true;
    if (tp[i]! < -0.75 * Math.PI) lo = true;
  }
  if (hi && lo) {
    notes.push(`the truth's phase spans the circle (values beyond ±3π/4 of its circular mean ${centre.toFixed(3)} rad): its phase image wraps at ±π, which SSIM, MS-SSIM and FRC see as an edge; MAE and PSNR are unaffected`);
  }
  return { truthPhase: tp, reconPhase: rp, phaseOffset: phi0, phaseCentre: centre, notes };
}
