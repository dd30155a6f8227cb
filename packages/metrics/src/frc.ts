import type { FrcCurve, Plane } from './types.js';
import { checkPlane } from './internal/check.js';
import { firstCrossing, frcRingSums } from './internal/frc-rings.js';

/**
 * Fourier ring correlation (SPEC §4, standard definition):
 * `FRC(r) = Σ_r Re(F₁·F₂*) / √(Σ_r |F₁|² · Σ_r |F₂|²)` over integer rings r = round(|k|) of the
 * 2-D DFTs, r = 0 … ⌊L/2⌋ (up to Nyquist, L/2). Non-square images are centre-cropped to the
 * L×L square, L = min(H, W) (no window, no zero padding; the DFT is exact at any L).
 *
 * `frc50`: the first ring r ≥ 1 where FRC < 0.5 (the DC ring, a single coefficient whose FRC is
 * ±1 by construction, is not searched), linearly interpolated between that ring and the one before
 * it, reported as a fraction of Nyquist `r* / (L/2)`; 1.0 if the curve never drops below 0.5.
 * Rings with no power in either image are NaN and skipped. Identical images give FRC ≡ 1, frc50 = 1.
 * @shape a (H, W) float
 * @shape b (H, W) float
 * @throws InputError on mismatched sizes or non-finite values.
 */
export function frc(a: Plane, b: Plane, height: number, width: number): FrcCurve {
  checkPlane('frc', 'a', a, height, width);
  checkPlane('frc', 'b', b, height, width);
  const s = frcRingSums(a, b, height, width);
  const L = s.side, n = Math.floor(L / 2) + 1, nyq = L / 2;
  const value = new Float64Array(n), frequency = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const d = Math.sqrt(s.pa[r]! * s.pb[r]!);
    value[r] = d > 0 ? s.cross[r]! / d : NaN;
    frequency[r] = nyq > 0 ? r / nyq : 0;
  }
  const x = firstCrossing(value, 0.5, 1);
  return {
    frequency, value, ringPixels: s.count.slice(0, n), side: L, threshold: 0.5,
    frc50: x === null || nyq === 0 ? 1 : Math.min(1, x / nyq),
  };
}
