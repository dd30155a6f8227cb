import { normalizationAlpha } from './normalization-alpha.js';
import { scaleInPlace } from './scale-in-place.js';

/**
 * Normalized amplitudes `X = α·diffraction` with α from {@link normalizationAlpha} over this set
 * (SPEC §3 "Normalization"). The input is left untouched; amplitudes are not squared (workflow step 3).
 *
 * @shape diffraction (P, N, N) or (B, N, N, C) float32 amplitude
 * @returns X of the same shape, and α.
 */
export function normalize(diffraction: Float32Array, N: number): { X: Float32Array; alpha: number } {
  const alpha = normalizationAlpha(diffraction, N);
  return { X: scaleInPlace(new Float32Array(diffraction), alpha), alpha };
}
