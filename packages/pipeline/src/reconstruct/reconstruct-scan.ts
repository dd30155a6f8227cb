import type { Reconstruction, ScanData } from '@ptychojs/io';
import type { GroupedData } from '@ptychojs/grouping';
import { createStitcher } from '@ptychojs/stitching';
import { prepareInference } from '../prepare/prepare-inference.js';
import type { GroupingSettings } from '../types.js';

/**
 * Predicts the object patch of each group of a batch (a trained model, an oracle in tests…).
 * @returns re, im of shape (b, N, N): the object centred on each group's offset position
 */
export type PredictBatch = (batch: GroupedData) => Promise<{ re: Float32Array; im: Float32Array }>;

/** Options of {@link reconstructScan}. */
export interface ReconstructOptions {
  readonly grouping: GroupingSettings;
  /** Groups per call of `predict` (bounds memory). */
  readonly batchSize: number;
  /** Central crop kept from each patch (SPEC §4; default 20·N/64). */
  readonly M?: number;
  /**
   * Calls of `predict` in flight at once (inference workers; default 1). Results are stitched in
   * scan order whatever order they finish in, so the canvas is the same for any concurrency.
   */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Bytes of frames the batches' cache may hold (the memory budget's share; default 256 MiB). */
  readonly cacheBytes?: number;
}

/** A stitched reconstruction and how it was made. */
export interface ReconstructResult {
  readonly reconstruction: Reconstruction;
  readonly groups: number;
  readonly alpha: number;
  readonly seconds: { readonly inference: number; readonly stitching: number };
}

/**
 * Inference over a whole scan and stitching (SPEC §3 "Reconstruction NPZ", §4 "Stitching for
 * inference"): groups stream through `predict` batch by batch and straight into the canvas, their
 * frames read through a bounded cache, so memory is bounded by `concurrency` batches, the cache
 * and the canvas, whatever the number of patterns and wherever the frames are (memory or file).
 * Patches are placed at the groups' offsets, in scan order; `canvasOrigin` records the frame.
 * `seconds.inference` is the wall time not spent stitching.
 */
export async function reconstructScan(raw: ScanData, predict: PredictBatch, opts: ReconstructOptions): Promise<ReconstructResult> {
  const { groups, alpha, batches } = prepareInference(raw, opts.grouping, opts.cacheBytes !== undefined ? { cacheBytes: opts.cacheBytes } : {});
  const xs = new Float64Array(groups.B), ys = new Float64Array(groups.B);
  for (let b = 0; b < groups.B; b++) { xs[b] = groups.coordsOffsets[2 * b]!; ys[b] = groups.coordsOffsets[2 * b + 1]!; }
  const stitcher = createStitcher({ xs, ys, N: raw.N, ...(opts.M !== undefined ? { M: opts.M } : {}) });
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  let stitchMs = 0;
  const t0 = performance.now();
  const inFlight: { start: number; count: number; result: ReturnType<PredictBatch> }[] = [];
  const stitchOldest = async () => {
    const { start, count, result } = inFlight.shift()!;
    const { re, im } = await result;
    const t1 = performance.now();
    stitcher.add(re, im, start);
    stitchMs += performance.now() - t1;
    opts.onProgress?.(start + count, groups.B);
  };
  for (const { start, data } of batches(opts.batchSize)) {
    if (inFlight.length >= concurrency) await stitchOldest();
    const result = predict(data);
    result.catch(() => undefined); // awaited in order below; a rejection is reported there
    inFlight.push({ start, count: data.B, result });
  }
  while (inFlight.length > 0) await stitchOldest();
  const t2 = performance.now();
  const inferMs = t2 - t0 - stitchMs;
  const { object, canvasOrigin } = stitcher.finish();
  stitchMs += performance.now() - t2;
  const amplitude = new Float32Array(object.re.length), phase = new Float32Array(object.re.length);
  for (let i = 0; i < amplitude.length; i++) { amplitude[i] = Math.hypot(object.re[i]!, object.im[i]!); phase[i] = Math.atan2(object.im[i]!, object.re[i]!); }
  return {
    reconstruction: { object, canvasOrigin, amplitude, phase },
    groups: groups.B,
    alpha,
    seconds: { inference: inferMs / 1000, stitching: stitchMs / 1000 },
  };
}
