import type { RawData } from '@ptychojs/io';
import { assembleGroupedData, groupScan, normalizationAlpha, sliceGroups, type GroupedData, type Groups } from '@ptychojs/grouping';
import type { GroupingSettings } from './types.js';

/** The groups of a scan for inference and a lazy batch iterator ({@link prepareInference}). */
export interface PreparedInference {
  readonly groups: Groups;
  readonly alpha: number;
  /** Batches of at most `size` groups, X gathered only when the batch is reached. */
  batches(size: number): Generator<{ start: number; data: GroupedData }>;
}

/**
 * Groups for inference (sequential seeds unless `sampling` says otherwise) and a batch iterator
 * that gathers X lazily, so memory stays bounded in the number of patterns: only one batch of
 * (b, N, N, C) is alive at a time. α follows the training rule (SPEC §3 "Normalization"),
 * computed over this scan.
 */
export function prepareInference(raw: RawData, grouping: GroupingSettings): PreparedInference {
  const groups = groupScan(raw.xcoords, raw.ycoords, { ...grouping, sampling: grouping.sampling ?? 'sequential' });
  const alpha = normalizationAlpha(raw.diff3d, raw.N);
  function* batches(size: number): Generator<{ start: number; data: GroupedData }> {
    const { B } = groups;
    for (let start = 0; start < B; start += size) {
      const slice = sliceGroups(groups, start, Math.min(B, start + size));
      yield { start, data: assembleGroupedData(slice, { diff3d: raw.diff3d, N: raw.N, alpha }) };
    }
  }
  return { groups, alpha, batches };
}
