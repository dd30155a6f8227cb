import { median } from '@ptychojs/grouping';
import type { DiffractionStats } from '@ptychojs/io';
import type { DiffractionContext } from './diffraction-context.js';

/** Counts per pattern, and how the values read ({@link patternCounts}). */
export interface PatternCounts {
  /** @shape (patterns,) Σ value, Σ value², Σ value⁴ per pattern, without the unmeasured pixels. */
  readonly sum: Float64Array;
  readonly energy: Float64Array;
  readonly sum4: Float64Array;
  /** Unmeasured pixels holding a non-zero value: left out of the counts. */
  readonly excluded: number;
  /** Largest value outside the unmeasured pixels. */
  readonly maxOutside: number;
  /** Read as amplitudes without the user saying so, every value an integer and some ≥ 2: judged as counts. */
  readonly countsLike: boolean;
  /** @shape (patterns,) the counts per pattern as judged: `sum` when counts-like, else `energy` (SPEC §3: counts = Σ amplitude²). */
  readonly perPattern: Float64Array;
  /** Patterns with counts, and the median of their counts. */
  readonly nonZero: number;
  readonly medianNonZero: number;
  readonly countsPerPattern: { readonly min: number; readonly median: number; readonly max: number };
  /** Mean counts per pattern: the dose nphotons defaults to (SPEC §3). */
  readonly meanCounts: number;
}

/**
 * The photons of each pattern without the pixels that are no measurement (their value is the same
 * in every pattern, so it is one number off each total). Amplitudes sqrt(counts) holding only
 * integers ≥ 2 would need every count to be a perfect square, while raw detector counts are
 * integers: such data read as amplitudes, unless the user stated so, are judged as counts. (Values
 * of only 0 and 1 read the same either way.)
 *
 * @param unmeasured (N, N) 1 where a pixel is no measurement (`unmeasuredPixels`)
 */
export function patternCounts(s: DiffractionStats, unmeasured: Uint8Array, reading: DiffractionContext['reading']): PatternCounts {
  let gapSum = 0, gapEnergy = 0, gapQuartic = 0, excluded = 0, maxOutside = 0;
  for (let p = 0; p < unmeasured.length; p++) {
    if (unmeasured[p]) {
      const v = s.firstFrame[p]!;
      if (v !== 0) excluded++;
      gapSum += v; gapEnergy += v * v; gapQuartic += v ** 4;
    } else if (s.pixelMax[p]! > maxOutside) maxOutside = s.pixelMax[p]!;
  }
  const sum = s.sum.map((v) => v - gapSum), energy = s.energy.map((v) => v - gapEnergy), sum4 = s.sum4.map((v) => v - gapQuartic);
  const countsLike = reading.kind === 'amplitude' && !reading.stated && s.allInteger && maxOutside >= 2;
  const perPattern = countsLike ? sum : energy;
  const nonZero = Array.from(perPattern).filter((v) => v > 0);
  let min = Infinity, max = -Infinity, total = 0;
  for (const v of perPattern) { if (v < min) min = v; if (v > max) max = v; total += v; }
  return {
    sum, energy, sum4, excluded, maxOutside, countsLike, perPattern, nonZero: nonZero.length, medianNonZero: median(nonZero),
    countsPerPattern: { min, median: median(perPattern), max }, meanCounts: total / s.patterns,
  };
}
