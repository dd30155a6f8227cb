import { gaussianFilter1d, gaussianFilter2d } from '@ptychojs/io';
import type { FrcCurve, Plane } from '../types.js';
import { checkPlane } from '../internal/check.js';
import { firstCrossing, frcRingSums } from '../internal/frc-rings.js';

/** Options of {@link frcPtychopinn}. */
export interface FrcPtychopinnOptions {
  /** Gaussian smoothing σ (default 2, as PtychoPINN's original `frc50(target, pred, sigma=2)`); 0 = none. */
  readonly sigma?: number;
  /**
   * What is smoothed: 'curve' (default; PtychoPINN's code applies `gaussian_filter(shellcorr, σ)` to
   * the FRC curve) or 'images' (both images, 2-D, before the FRC, as SPEC §4's wording can be read).
   * 'images' is not harmless: the filter's border terms (mode 'reflect') are shared by both images
   * and lift the high-frequency FRC — on a 64×64 test pair with white noise the crossing moves from
   * ≈ 0.75 of Nyquist to past the corner.
   */
  readonly smooth?: 'curve' | 'images';
}

/**
 * PtychoPINN's FRC variant (`ptycho.evaluation.frc50` with the `FRC.fourier_ring_corr.FSC` it
 * calls), for the 'ptychopinn' evaluation profile (SPEC §4). Differences from {@link frc}:
 * - the absolute value `|Σ F₁F₂*| / √(Σ|F₁|² Σ|F₂|²)`, and rings out to the corner (r ≤ round(L/√2),
 *   so `frequency` runs past 1);
 * - Gaussian smoothing (see options), scipy mode 'reflect', truncate 4;
 * - the 0.5 crossing is searched from ring 0 and linearly interpolated (PtychoPINN itself reports
 *   the integer index of the first ring below 0.5); reported as a fraction of Nyquist `r* / (L/2)`;
 *   if the curve never drops below 0.5 it is `len(curve)/(L/2)` (PtychoPINN's `len(shellcorr)`).
 * Non-square images are centre-cropped to the square of side min(H, W), as PtychoPINN does, and not
 * apodized: PtychoPINN's TensorFlow evaluation (`ptycho/evaluation.py`) applies no window (its
 * PyTorch port's `frc_preprocess_images` tapers with a Tukey window, but that is not what
 * `eval_reconstruction` scores).
 * @shape a (H, W) float
 * @shape b (H, W) float
 */
export function frcPtychopinn(a: Plane, b: Plane, height: number, width: number, options: FrcPtychopinnOptions = {}): FrcCurve {
  checkPlane('frcPtychopinn', 'a', a, height, width);
  checkPlane('frcPtychopinn', 'b', b, height, width);
  const sigma = options.sigma ?? 2, smooth = options.smooth ?? 'curve';
  const imgA = smooth === 'images' && sigma > 0 ? gaussianFilter2d(a, height, width, sigma) : a;
  const imgB = smooth === 'images' && sigma > 0 ? gaussianFilter2d(b, height, width, sigma) : b;
  const s = frcRingSums(imgA, imgB, height, width);
  const L = s.side, n = s.count.length, nyq = L / 2;
  let value: Float64Array = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const d = Math.sqrt(s.pa[r]! * s.pb[r]!);
    value[r] = d > 0 ? Math.abs(s.cross[r]!) / d : NaN;
  }
  if (smooth === 'curve' && sigma > 0) value = gaussianFilter1d(value, sigma);
  const frequency = Float64Array.from({ length: n }, (_, r) => (nyq > 0 ? r / nyq : 0));
  const x = firstCrossing(value, 0.5, 0);
  return { frequency, value, ringPixels: s.count, side: L, threshold: 0.5, window: 'none', frc50: nyq === 0 ? 1 : (x ?? n) / nyq };
}
