import { InputError } from '@ptychojs/io';
import { checkInteger } from './internal/check-positions.js';

/**
 * Amplitude normalization factor (SPEC §3 "Normalization"; workflow step 3):
 * `α = sqrt((N/2)² / mean_b Σ_ij diffraction²)` over the set, so that `X = α·diffraction` has a
 * mean per-pattern energy of (N/2)².
 *
 * The mean per-pattern sum equals (sum of all squares) / (number of N×N patterns), so the same call
 * serves (M, N, N) raw data and (B, N, N, C) grouped data. Accumulated in float64.
 *
 * @shape diffraction (P, N, N) or (B, N, N, C) float32 amplitude
 * @throws InputError when the size is not a multiple of N², a value is not finite, or every value is 0.
 */
export function normalizationAlpha(diffraction: ArrayLike<number>, N: number): number {
  checkInteger(N, 1, 'N');
  const NN = N * N, n = diffraction.length;
  if (n === 0 || n % NN !== 0) throw new InputError('diffraction size is not a positive multiple of N²', { key: 'diff3d', expected: `(M, ${N}, ${N})`, actual: `${n} values` });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = diffraction[i]!;
    if (!Number.isFinite(v)) throw new InputError(`diffraction value ${i} is not finite`, { key: 'diff3d', expected: 'finite amplitudes', actual: String(v) });
    sum += v * v;
  }
  if (!(sum > 0)) throw new InputError('diffraction is all zero; cannot normalize', { key: 'diff3d', expected: 'some non-zero amplitude', actual: 'all zeros' });
  const meanEnergy = sum / (n / NN);
  return Math.sqrt((N / 2) ** 2 / meanEnergy);
}
