import { InputError } from '@ptychojs/io';

/**
 * The intensity scale s of SPEC §3 "Normalization":
 * `s = sqrt(nphotons / mean_b Σ|P·O_patch|²)` when the object is known (pass that mean
 * illuminated energy), else `s = sqrt(nphotons) / (N/2)`.
 *
 * @param meanIlluminatedEnergy `mean_b Σ_ij |P·O_patch|²` over the training set, if the object is known
 */
export function intensityScaleFactor(nphotons: number, N: number, meanIlluminatedEnergy?: number): number {
  if (!(nphotons > 0) || !Number.isFinite(nphotons)) throw new InputError('nphotons must be finite and > 0', { key: 'nphotons', expected: '> 0', actual: String(nphotons) });
  if (meanIlluminatedEnergy !== undefined) {
    if (!(meanIlluminatedEnergy > 0) || !Number.isFinite(meanIlluminatedEnergy)) {
      throw new InputError('mean illuminated energy must be finite and > 0', { key: 'meanIlluminatedEnergy', expected: '> 0', actual: String(meanIlluminatedEnergy) });
    }
    return Math.sqrt(nphotons / meanIlluminatedEnergy);
  }
  if (!Number.isInteger(N) || N < 2) throw new InputError('N must be an integer ≥ 2', { key: 'N', expected: 'integer ≥ 2', actual: String(N) });
  return Math.sqrt(nphotons) / (N / 2);
}
