import type { ScanData } from '@ptychojs/io';
import { assembleGroupedData, groupScan, normalizationAlphaFromEnergy, sliceGroups, type GroupedData, type Groups } from '@ptychojs/grouping';
import { frameCache, type FrameCache } from '../scan/frame-cache.js';
import type { GroupingSettings } from '../types.js';

/** The groups of a scan for inference and a lazy batch iterator ({@link prepareInference}). */
export interface PreparedInference {
  readonly groups: Groups;
  readonly alpha: number;
  /** Batches of at most `size` groups, X gathered only when the batch is reached. */
  batches(size: number): Generator<{ start: number; data: GroupedData }>;
  /** The frame cache batches read through. */
  readonly cache: FrameCache;
}

/** Options of {@link prepareInference}. */
export interface PrepareInferenceOptions {
  /** Bytes of frames the cache may hold (default 256 MiB); frames in memory are not cached. */
  readonly cacheBytes?: number;
}

/**
 * Groups for inference (sequential seeds unless `sampling` says otherwise) and a batch iterator
 * that gathers X lazily, reading each batch's frames through a bounded cache ({@link frameCache}),
 * so memory stays bounded whatever the number of patterns, in memory or in the file: only one
 * batch of (b, N, N, C) and the cache are alive at a time. α follows the training rule (SPEC §3
 * "Normalization"), computed over this scan from the per-pattern energies of its check.
 */
export function prepareInference(raw: ScanData, grouping: GroupingSettings, opts: PrepareInferenceOptions = {}): PreparedInference {
  const groups = groupScan(raw.xcoords, raw.ycoords, { ...grouping, sampling: grouping.sampling ?? 'sequential' });
  const alpha = normalizationAlphaFromEnergy(raw.patternEnergy, raw.N);
  const cache = frameCache(raw.frames, opts.cacheBytes ?? 256 * 2 ** 20);
  const nn = raw.N * raw.N;
  function* batches(size: number): Generator<{ start: number; data: GroupedData }> {
    const { B } = groups;
    for (let start = 0; start < B; start += size) {
      const slice = sliceGroups(groups, start, Math.min(B, start + size));
      // The batch's distinct frames, in file order, gathered once; indices renumbered into them.
      const frames = [...new Set(slice.nnIndices)].sort((a, b) => a - b);
      const at = new Map(frames.map((f, i) => [f, i]));
      const sub = new Float32Array(frames.length * nn);
      cache.gather(frames, sub);
      const nnIndices = Int32Array.from(slice.nnIndices, (f) => at.get(f)!);
      yield { start, data: { ...assembleGroupedData({ ...slice, nnIndices }, { diff3d: sub, N: raw.N, alpha }), nnIndices: slice.nnIndices } };
    }
  }
  return { groups, alpha, batches, cache };
}
