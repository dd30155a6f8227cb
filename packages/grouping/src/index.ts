/**
 * @ptychojs/grouping — nearest-neighbour grouping of scan positions, coordinate offsets,
 * ground-truth patch extraction, amplitude normalization, and taking or slicing groups consistently
 * (SPEC §3 "Grouping", "Normalization"; workflow steps 2–4). Browser-safe. The training loop's
 * validation hold-out is `splitGroups` of `@ptychojs/model`, and the object.big canvas side is its
 * `objectCanvasSize`.
 */
export type { default as KDBush } from 'kdbush';
export type { Groups, GroupedData, Sampling } from './types.js';
export { buildKnnIndex } from './build-knn-index.js';
export { knnQueryInto } from './knn-query-into.js';
export { knnQuery, type KnnQueryOptions } from './knn-query.js';
export { knnAll, type KnnAllOptions } from './knn-all.js';
export { median } from './median.js';
export { medianStep } from './median-step.js';
export { nearestNeighbours } from './nearest-neighbours.js';
export { groupScan, type GroupScanOptions } from './group-scan.js';
export { extractGroundTruthPatches } from './extract-ground-truth-patches.js';
export { groupedDiffraction } from './grouped-diffraction.js';
export { assertSameChannels } from './assert-same-channels.js';
export { normalizationAlpha } from './normalization-alpha.js';
export { normalizationAlphaFromEnergy } from './normalization-alpha-from-energy.js';
export { scaleInPlace } from './scale-in-place.js';
export { normalize } from './normalize.js';
export { assembleGroupedData, type AssembleGroupedDataOptions } from './assemble-grouped-data.js';
export { takeGroups } from './take-groups.js';
export { sliceGroups } from './slice-groups.js';
export { halfScanSplit, type HalfScanSplit } from './half-scan-split.js';
export { metadataPixelSize } from './metadata-pixel-size.js';
