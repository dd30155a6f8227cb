import { InputError, type ComplexArray } from '@ptychojs/io';
import type { FrcCurve, ScanBox } from './types.js';
import { valueRange } from './internal/check.js';
import { placeAndCrop } from './internal/place-and-crop.js';
import { alignForEvaluation } from './align-for-evaluation.js';
import { frc } from './frc.js';
import { mae } from './mae.js';
import { msSsim } from './ms-ssim.js';
import { msSsimScales } from './ms-ssim-scales.js';
import { psnr } from './psnr.js';
import { removePhasePlane } from './remove-phase-plane.js';
import { phasesOnCircle } from './internal/phases-on-circle.js';
import { ssim } from './ssim.js';
import { SSIM_WINDOW_SIZE } from './ssim-window-size.js';
import { frcPtychopinn } from './ptychopinn/frc-ptychopinn.js';
import { msSsimPtychopinn } from './ptychopinn/ms-ssim-ptychopinn.js';

/** The scores `evaluate --json` prints (SPEC §4), exactly these keys. PSNR may be `Infinity`. */
export interface EvaluationMetrics {
  amp_msssim: number;
  phase_msssim: number;
  amp_ssim: number;
  phase_ssim: number;
  amp_psnr: number;
  phase_psnr: number;
  amp_mae: number;
  phase_mae: number;
  amp_frc50: number;
  phase_frc50: number;
}

/**
 * The evaluation profiles (SPEC §4): `standard` (textbook definitions) and `ptychopinn` (PtychoPINN's
 * own variants, so numbers compare with its papers). Every schema, type and flag of a profile derives from this list.
 */
export const METRICS_PROFILES = ['standard', 'ptychopinn'] as const;
export type MetricsProfile = (typeof METRICS_PROFILES)[number];

/** Options of {@link evaluateReconstruction}. */
export interface EvaluateOptions {
  /** 'standard' (default): textbook definitions; 'ptychopinn': PtychoPINN's own variants. */
  readonly profile?: MetricsProfile;
  /** Standard profile: data ranges L for SSIM, MS-SSIM and PSNR (default: the truth crop's max − min). */
  readonly dataRange?: { readonly amp?: number; readonly phase?: number };
  /** ptychopinn profile: FRC smoothing σ (default 2) and what is smoothed (default 'curve'). */
  readonly frcSigma?: number;
  readonly frcSmooth?: 'curve' | 'images';
  /** ptychopinn profile: Gaussian pre-smoothing σ of the amplitudes for MS-SSIM (default 1, PtychoPINN's `ms_ssim_sigma`). */
  readonly msssimSigma?: number;
}

/** Everything {@link evaluateReconstruction} reports. */
export interface EvaluationResult {
  readonly profile: MetricsProfile;
  /** The ten scores, exactly the SPEC §4 keys (serialize this object for `evaluate --json`). */
  readonly metrics: EvaluationMetrics;
  /** The FRC curves behind amp_frc50 / phase_frc50. */
  readonly frc: { readonly amp: FrcCurve; readonly phase: FrcCurve };
  /** Crop in the truth frame: first row/col and size. */
  readonly box: { readonly row0: number; readonly col0: number; readonly height: number; readonly width: number };
  /** Integer origin used. */
  readonly origin: readonly [number, number];
  /** MS-SSIM scales used (standard: ≤ 5, fewer for small crops; ptychopinn: levels reached). */
  readonly msssimScales: number;
  /** Removed phase offset φ₀ and the truth's circular mean phase c (both profiles, radians). */
  readonly phaseOffset: number;
  readonly phaseCentre: number;
  /** Standard profile: LS gain g; ptychopinn: amplitude scale mean(|t|)/mean(|r|). */
  readonly gain?: number;
  readonly ampScale?: number;
  /** Data ranges used (standard profile). */
  readonly dataRange?: { readonly amp: number; readonly phase: number };
  /** Roundings, clippings and fallbacks, in words. */
  readonly notes: readonly string[];
}

function rangeOr(values: Float64Array, given: number | undefined, tiny: number, fallback: () => [number, string], notes: string[], what: string): number {
  if (given !== undefined) return given;
  const L = valueRange(values);
  if (L > tiny) return L;
  const [f, why] = fallback();
  notes.push(`${what} truth is constant on the crop (max − min = ${L.toPrecision(3)}); data range L = ${f} (${why})`);
  return f;
}

/**
 * Score a reconstruction against the ground truth, amplitude and phase each (SPEC §4).
 *
 * Phases, both profiles: every phase difference is taken on the circle. The global phase offset is
 * removed, the truth's phase is re-centred at its circular mean c (so a phase near ±π is not split
 * into two values 2π apart) and the reconstruction's phase is put on the branch nearest the truth,
 * pixel by pixel ({@link alignForEvaluation}); a phase error of 0.05 rad scores the same whether the
 * object's phase sits near 0 or near ±π, and no score depends on either image's global phase.
 *
 * 'standard' profile: {@link alignForEvaluation} (place by `reconOrigin`, crop to the scan box,
 * phases on the circle, least-squares amplitude gain), then MS-SSIM (Wang 2003,
 * {@link msSsim}), SSIM ({@link ssim}), PSNR ({@link psnr}) and MAE ({@link mae}) with the truth as
 * reference and L = the truth crop's max − min (a truth that is constant to 1e-6 — relative for the
 * amplitude, in radians for the phase — falls back to max|t| (or 1) for the amplitude and 2π for the
 * phase, with a note), and FRC ({@link frc}, Hann-apodized) with integer rings, frc50 as a
 * fraction of Nyquist. SSIM and MS-SSIM of the phase score φ + π (the truth in (0, 2π], its
 * circular mean at π): SSIM's luminance term 1 − (μ₁ − μ₂)²/(μ₁² + μ₂² + C₁) divides by the local
 * means, which suits a non-negative intensity but makes a phase error count most where the local
 * phase happens to be 0 — an arbitrary point once the global phase is removed. At π the same local
 * error counts nearly the same everywhere (PtychoPINN's (φ + π)/2π does the same). MAE, PSNR and
 * the FRC (mean removed) do not depend on the offset.
 *
 * 'ptychopinn' profile (PtychoPINN `ptycho.evaluation.eval_reconstruction`, so numbers compare with
 * its published tables): same placement and crop, then amplitude × mean(|t|)/mean(|r|); the phases
 * on the circle as above (where neither image's phase wraps this equals PtychoPINN's raw
 * angle(t), angle(r), whose constant the plane fit removes anyway), each minus its own
 * least-squares plane ({@link removePhasePlane}); MAE as standard; PSNR as OpenCV's `cv2.PSNR` with R = 255 whatever the
 * data (`20·log10(255 / (√MSE + ε))`, so identical images give 361.2 dB, not ∞); amplitude SSIM
 * with scikit-image defaults (7×7 uniform, sample covariance) and L = range of the truth amplitude;
 * phase SSIM on (φ + π)/2π with L = 1; MS-SSIM = {@link msSsimPtychopinn} (amplitude pre-smoothed
 * with σ = `msssimSigma`, phase on the scaled phases); FRC = {@link frcPtychopinn}.
 * @param recon (H, W) complex reconstruction (`object` of reconstruction.npz)
 * @param reconOrigin its `canvasOrigin` [x0, y0]
 * @param truth (Ht, Wt) complex ground truth (`objectGuess`)
 * @param scanBox box spanned by the scan positions ({@link scanBoxFromPositions}); omitted = whole overlap
 * @throws InputError on bad inputs, no overlap, a zero reconstruction, or a crop smaller than the SSIM window.
 */
export function evaluateReconstruction(
  recon: ComplexArray, reconOrigin: readonly [number, number], truth: ComplexArray, scanBox?: ScanBox, options: EvaluateOptions = {},
): EvaluationResult {
  const profile = options.profile ?? 'standard';
  if (!(METRICS_PROFILES as readonly string[]).includes(profile)) {
    throw new InputError(`evaluateReconstruction: unknown profile '${String(profile)}'`, { key: 'profile', expected: METRICS_PROFILES.map((p) => `'${p}'`).join(' | '), actual: String(profile) });
  }
  return profile === 'standard' ? standard(recon, reconOrigin, truth, scanBox, options) : ptychopinn(recon, reconOrigin, truth, scanBox, options);
}

function checkCrop(h: number, w: number, min: number): void {
  if (h < min || w < min) {
    throw new InputError(`evaluateReconstruction: the evaluation crop is smaller than the ${min}×${min} SSIM window`, { key: 'scanBox', expected: `crop ≥ ${min}×${min}`, actual: `${h}×${w}` });
  }
}

function standard(recon: ComplexArray, origin: readonly [number, number], truth: ComplexArray, box: ScanBox | undefined, o: EvaluateOptions): EvaluationResult {
  const a = alignForEvaluation(recon, origin, truth, box);
  const { height: h, width: w } = a;
  checkCrop(h, w, SSIM_WINDOW_SIZE);
  const notes = [...a.notes];
  let maxAmp = 0;
  for (const v of a.truthAmplitude) maxAmp = Math.max(maxAmp, v);
  const Lamp = rangeOr(a.truthAmplitude, o.dataRange?.amp, 1e-6 * maxAmp, () => (maxAmp > 0 ? [maxAmp, 'max |truth|'] : [1, 'truth amplitude is 0']), notes, 'amplitude');
  const Lph = rangeOr(a.truthPhase, o.dataRange?.phase, 1e-6, () => [2 * Math.PI, 'full phase range 2π'], notes, 'phase');
  const ta = a.truthAmplitude, ra = a.reconAmplitude, tp = a.truthPhase, rp = a.reconPhase;
  const ampFrc = frc(ta, ra, h, w), phFrc = frc(tp, rp, h, w);
  // SSIM's luminance term needs a non-negative signal with a meaningful zero: score φ + π (see above)
  const tpPi = tp.map((v) => v + Math.PI), rpPi = rp.map((v) => v + Math.PI);
  const metrics: EvaluationMetrics = {
    amp_msssim: msSsim(ta, ra, h, w, { dataRange: Lamp }),
    phase_msssim: msSsim(tpPi, rpPi, h, w, { dataRange: Lph }),
    amp_ssim: ssim(ta, ra, h, w, { dataRange: Lamp }),
    phase_ssim: ssim(tpPi, rpPi, h, w, { dataRange: Lph }),
    amp_psnr: psnr(ta, ra, h, w, { dataRange: Lamp }),
    phase_psnr: psnr(tp, rp, h, w, { dataRange: Lph }),
    amp_mae: mae(ta, ra, h, w),
    phase_mae: mae(tp, rp, h, w),
    amp_frc50: ampFrc.frc50,
    phase_frc50: phFrc.frc50,
  };
  return {
    profile: 'standard', metrics, frc: { amp: ampFrc, phase: phFrc },
    box: { row0: a.row0, col0: a.col0, height: h, width: w }, origin: a.origin,
    msssimScales: msSsimScales(h, w), phaseOffset: a.phaseOffset, phaseCentre: a.phaseCentre, gain: a.gain,
    dataRange: { amp: Lamp, phase: Lph }, notes,
  };
}

/** OpenCV `cv2.PSNR(a, b)` (R = 255): `20·log10(R / (√MSE + DBL_EPSILON))`. */
function psnrOpenCv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) { const d = a[i]! - b[i]!; s += d * d; }
  return 20 * Math.log10(255 / (Math.sqrt(s / a.length) + Number.EPSILON));
}

function ptychopinn(recon: ComplexArray, origin: readonly [number, number], truth: ComplexArray, box: ScanBox | undefined, o: EvaluateOptions): EvaluationResult {
  const p = placeAndCrop('evaluateReconstruction', recon, origin, truth, box);
  const { height: h, width: w } = p, n = h * w;
  checkCrop(h, w, 7);
  const ph = phasesOnCircle(p);
  const notes = [...p.notes, ...ph.notes];
  const ta = new Float64Array(n), ra = new Float64Array(n);
  let st = 0, sr = 0;
  for (let i = 0; i < n; i++) {
    ta[i] = Math.hypot(p.truthRe[i]!, p.truthIm[i]!); ra[i] = Math.hypot(p.reconRe[i]!, p.reconIm[i]!);
    st += ta[i]!; sr += ra[i]!;
  }
  if (!(sr > 0)) throw new InputError('evaluateReconstruction: the reconstruction is zero everywhere on the evaluation box', { key: 'recon', expected: 'non-zero values in the scan box', actual: 'all zero' });
  const scale = st / sr;
  for (let i = 0; i < n; i++) ra[i] = ra[i]! * scale;
  const tp = removePhasePlane(ph.truthPhase, h, w).phase, rp = removePhasePlane(ph.reconPhase, h, w).phase;
  const ts = tp.map((v) => (v + Math.PI) / (2 * Math.PI)), rs = rp.map((v) => (v + Math.PI) / (2 * Math.PI));
  let Lamp = valueRange(ta);
  if (!(Lamp > 0)) { Lamp = 1; notes.push('amplitude truth is constant on the crop; SSIM data range 1 used (scikit-image would divide by zero)'); }
  const frcOpts = { sigma: o.frcSigma ?? 2, smooth: o.frcSmooth ?? 'curve' } as const;
  const ampFrc = frcPtychopinn(ta, ra, h, w, frcOpts), phFrc = frcPtychopinn(tp, rp, h, w, frcOpts);
  const skimage = { window: 'uniform', windowSize: 7, sampleCovariance: true } as const;
  const msssim = (x: Float64Array, y: Float64Array, sigma: number): number => {
    try {
      return msSsimPtychopinn(x, y, h, w, { sigma });
    } catch (e) {
      if (e instanceof InputError && e.key === 'dataRange') { notes.push('MS-SSIM of two constant images: 0, as PtychoPINN returns for its NaN SSIM'); return 0; }
      throw e;
    }
  };
  const metrics: EvaluationMetrics = {
    amp_msssim: msssim(ta, ra, o.msssimSigma ?? 1),
    phase_msssim: msssim(ts, rs, 0),
    amp_ssim: ssim(ta, ra, h, w, { ...skimage, dataRange: Lamp }),
    phase_ssim: ssim(ts, rs, h, w, { ...skimage, dataRange: 1 }),
    amp_psnr: psnrOpenCv(ta, ra),
    phase_psnr: psnrOpenCv(tp, rp),
    amp_mae: mae(ta, ra, h, w),
    phase_mae: mae(tp, rp, h, w),
    amp_frc50: ampFrc.frc50,
    phase_frc50: phFrc.frc50,
  };
  let levels = 1;
  for (let s = Math.min(h, w); levels < 5 && Math.ceil(s / 2) >= 7; s = Math.ceil(s / 2)) levels++;
  return {
    profile: 'ptychopinn', metrics, frc: { amp: ampFrc, phase: phFrc },
    box: { row0: p.row0, col0: p.col0, height: h, width: w }, origin: p.origin,
    msssimScales: levels, phaseOffset: ph.phaseOffset, phaseCentre: ph.phaseCentre, ampScale: scale, notes,
  };
}
