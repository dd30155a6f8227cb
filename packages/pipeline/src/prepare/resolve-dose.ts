import type { RawData, ScanData } from '@ptychojs/io';
import { normalizationAlpha, normalizationAlphaFromEnergy } from '@ptychojs/grouping';

/** Where a run's dose can come from (see {@link Dose}). */
export const DOSE_SOURCES = ['flag', 'metadata', 'measured'] as const;

/** The dose a run uses and where it came from. */
export interface Dose {
  /** Photons per pattern. */
  readonly nphotons: number;
  /** `flag`: --nphotons (or the config file); `metadata`: the scan's `_metadata.nphotons`; `measured`: mean counts per pattern of the data. */
  readonly source: (typeof DOSE_SOURCES)[number];
}

/**
 * The dose of a run (SPEC §3 "Normalization": nphotons is `--nphotons` when given, else
 * `_metadata.nphotons`, else the measured mean counts per pattern). The measured value is the mean
 * over patterns of Σ diff3d², i.e. (N/2)²/α² with the scan's normalization α.
 *
 * @param requested the run configuration's nphotons (`undefined` when not given)
 */
export function resolveDose(raw: RawData | ScanData, requested: number | undefined): Dose {
  if (requested !== undefined) return { nphotons: requested, source: 'flag' };
  const meta = raw.metadata?.['nphotons'];
  if (typeof meta === 'number' && meta > 0 && Number.isFinite(meta)) return { nphotons: meta, source: 'metadata' };
  const alpha = 'patternEnergy' in raw ? normalizationAlphaFromEnergy(raw.patternEnergy, raw.N) : normalizationAlpha(raw.diff3d, raw.N);
  return { nphotons: (raw.N / 2) ** 2 / alpha ** 2, source: 'measured' };
}
