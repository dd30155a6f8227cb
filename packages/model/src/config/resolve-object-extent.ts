import type { ComplexArray } from '@ptychojs/io';
import { probeEnergyOutsideCentre } from '@ptychojs/physics';
import type { ObjectExtent } from '../unet/unet-layers.js';

/** `auto` turns the full-field head on above this fraction of probe energy outside the centre (SPEC §3). */
export const AUTO_EXTENT_THRESHOLD = 0.05;

/** The full-field head `auto` chooses: the better of `border` and `full` in the fidelity benchmark. */
export const AUTO_FULL_FIELD: ObjectExtent = 'full';

/** How an object extent is chosen: named in the run configuration, or derived from the probe (`auto`). */
export const EXTENT_SOURCES = ['requested', 'auto'] as const;

/** What {@link resolveObjectExtent} decided, and why. */
export interface ObjectExtentDecision {
  readonly extent: ObjectExtent;
  /** Fraction of the probe's energy outside the central N/2 square. */
  readonly outsideFraction: number;
  /** `requested` when the run configuration named the extent, `auto` when it was derived from the probe. */
  readonly source: (typeof EXTENT_SOURCES)[number];
  /** One sentence for people: the fraction and the choice. */
  readonly reason: string;
}

/**
 * Resolve the U-Net's object extent (SPEC §3 "probe.big auto"): a requested `center`, `border` or
 * `full` is kept; `auto` gives {@link AUTO_FULL_FIELD} when more than 5% of the probe's energy
 * lies outside the central N/2 square (a central-only head cannot explain what that ring lights),
 * else `center`.
 *
 * @shape probe (N, N) complex
 */
export function resolveObjectExtent(requested: 'auto' | ObjectExtent, probe: ComplexArray): ObjectExtentDecision {
  const outsideFraction = probeEnergyOutsideCentre(probe);
  const pct = `${(100 * outsideFraction).toFixed(1)}% of the probe's energy lies outside the central N/2 square`;
  if (requested !== 'auto') return { extent: requested, outsideFraction, source: 'requested', reason: `${pct}; object extent '${requested}' as requested` };
  const extent = outsideFraction > AUTO_EXTENT_THRESHOLD ? AUTO_FULL_FIELD : 'center';
  const why = extent === 'center' ? `≤ ${100 * AUTO_EXTENT_THRESHOLD}%: the central head suffices` : `> ${100 * AUTO_EXTENT_THRESHOLD}%: full-field head '${extent}'`;
  return { extent, outsideFraction, source: 'auto', reason: `${pct} (${why})` };
}
