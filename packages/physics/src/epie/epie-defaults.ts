import type { EpieOptions } from './types.js';

/**
 * The defaults of {@link epie}'s optional settings: plain ePIE steps (rPIE α = 1, Maiden &
 * Rodenburg 2009) for the object and, when it is updated, the probe; the probe kept fixed; the
 * position order drawn from seed 0.
 */
export const EPIE_DEFAULTS: Readonly<Required<Pick<EpieOptions, 'rpieAlpha' | 'probeAlpha' | 'probeUpdate' | 'seed'>>> = Object.freeze({
  rpieAlpha: 1,
  probeAlpha: 1,
  probeUpdate: false,
  seed: 0,
});
