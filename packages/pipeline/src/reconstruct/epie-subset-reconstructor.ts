import type { Reconstruction } from '@ptychojs/io';
import { epie } from '@ptychojs/physics';
import { EPIE_SETTINGS_DEFAULTS } from './epie-settings.js';
import { rawSubset } from './raw-subset.js';
import type { RawData } from '@ptychojs/io';
import type { ReconstructSubset } from './self-consistency.js';

/** Settings of the ePIE run to repeat on each half ({@link epieSubsetReconstructor}). */
export interface EpieSubsetSettings {
  readonly iterations: number;
  /** rPIE's α of the object step, (0, 1]. */
  readonly rpieAlpha: number;
  readonly seed: number;
  readonly probeUpdate?: boolean;
  readonly probeAlpha?: number;
  /** Where each half starts: the same method's half reconstruction (refinement of a network's half); flat when absent. */
  readonly initial?: ReconstructSubset;
}

/**
 * The half-scan FRC's reconstructor for ePIE-based methods (issue 17): `epie` on the subset's
 * positions and patterns with the same iterations, α, probe settings and seed as the full run,
 * from a flat object (ePIE from flat) or from the starting method's reconstruction of the same
 * half (`initial`, e.g. the network's: the refinement). Browser-safe.
 */
export function epieSubsetReconstructor(raw: RawData, s: EpieSubsetSettings): ReconstructSubset {
  return async (indices, half): Promise<Reconstruction> => {
    const sub = rawSubset(raw, indices, `half ${half + 1}`);
    const start = s.initial ? await s.initial(indices, half) : undefined;
    return epie({
      diffraction: sub.diff3d, probe: sub.probeGuess, xs: sub.xcoords, ys: sub.ycoords, iterations: s.iterations, rpieAlpha: s.rpieAlpha,
      probeUpdate: s.probeUpdate ?? EPIE_SETTINGS_DEFAULTS.probeUpdate, probeAlpha: s.probeAlpha ?? EPIE_SETTINGS_DEFAULTS.probeAlpha, seed: s.seed, ...(start ? { initialObject: start } : {}),
    }).reconstruction;
  };
}
