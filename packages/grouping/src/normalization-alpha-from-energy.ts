import { InputError } from '@ptychojs/io';
import { checkInteger } from './internal/check-positions.js';

/**
 * The normalization α of {@link normalizationAlpha} from the per-pattern energies Σ_ij d² alone
 * (SPEC §3 "Normalization": `α = sqrt((N/2)² / mean_m energy_m)`): what a scan read by range
 * gathers in its check's one pass, so inference does not read every frame a second time.
 *
 * @shape energy (M,) float64 — Σ amplitude² of each pattern
 * @throws InputError when there are no patterns, an energy is not finite, or all are 0
 */
export function normalizationAlphaFromEnergy(energy: ArrayLike<number>, N: number): number {
  checkInteger(N, 1, 'N');
  if (energy.length === 0) throw new InputError('no diffraction patterns to normalize', { key: 'diff3d', expected: 'M ≥ 1 patterns', actual: '0' });
  let sum = 0;
  for (let m = 0; m < energy.length; m++) {
    const e = energy[m]!;
    if (!Number.isFinite(e)) throw new InputError(`pattern ${m} has a non-finite energy`, { key: 'diff3d', expected: 'finite amplitudes', actual: String(e) });
    sum += e;
  }
  if (!(sum > 0)) throw new InputError('diffraction is all zero; cannot normalize', { key: 'diff3d', expected: 'some non-zero amplitude', actual: 'all zeros' });
  return Math.sqrt((N / 2) ** 2 / (sum / energy.length));
}
