import { diffractionStatsAccumulator, type DiffractionStats } from '@ptychojs/io';

/**
 * @internal Statistics of an (M, N, N) amplitude stack in memory in one pass: the accumulator of
 * `@ptychojs/io` (which `checkRawData` runs chunk by chunk over scans read by range) fed at once;
 * `flagValues`: a detector's flag values (`detectorFlagValues`), counted per pixel.
 */
export function diffractionStats(d: ArrayLike<number>, M: number, N: number, flagValues?: ReadonlySet<number>): DiffractionStats {
  const acc = diffractionStatsAccumulator(M, N, flagValues ? { flagValues } : {});
  acc.add(d instanceof Float32Array ? d : Float32Array.from(d), M, 0);
  return acc.finish();
}
