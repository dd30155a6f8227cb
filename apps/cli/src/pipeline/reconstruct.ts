/**
 * Inference over a whole scan and stitching (SPEC §3 "Reconstruction NPZ", §4 "Stitching for
 * inference"): groups stream through the model batch by batch and straight into the canvas, so
 * memory is bounded by one batch plus the canvas, whatever the number of patterns.
 */
import path from 'node:path';
import { encodeReconstruction, type RawData, type Reconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import type { GroupedData } from '@ptychojs/grouping';
import { renderImagePng } from '@ptychojs/metrics';
import { createStitcher } from '@ptychojs/stitching';
import { prepareInference, type GroupingSettings } from './prepare.js';

/**
 * Predicts the object patch of each group of a batch.
 * @returns re, im of shape (b, N, N): the object centred on each group's offset position.
 */
export type PredictBatch = (batch: GroupedData) => Promise<{ re: Float32Array; im: Float32Array }>;

export interface ReconstructOptions {
  readonly grouping: GroupingSettings;
  readonly batchSize: number;
  /** Central crop kept from each patch (SPEC §4; default 20·N/64). */
  readonly M?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReconstructResult {
  readonly reconstruction: Reconstruction;
  readonly groups: number;
  readonly alpha: number;
  readonly seconds: { readonly inference: number; readonly stitching: number };
}

/** Run `predict` over every group of the scan and stitch the patches at the groups' offsets. */
export async function reconstructScan(raw: RawData, predict: PredictBatch, opts: ReconstructOptions): Promise<ReconstructResult> {
  const { groups, alpha, batches } = prepareInference(raw, opts.grouping);
  const xs = new Float64Array(groups.B), ys = new Float64Array(groups.B);
  for (let b = 0; b < groups.B; b++) { xs[b] = groups.coordsOffsets[2 * b]!; ys[b] = groups.coordsOffsets[2 * b + 1]!; }
  const stitcher = createStitcher({ xs, ys, N: raw.N, ...(opts.M !== undefined ? { M: opts.M } : {}) });
  let inferMs = 0, stitchMs = 0;
  for (const { start, data } of batches(opts.batchSize)) {
    const t0 = performance.now();
    const { re, im } = await predict(data);
    const t1 = performance.now();
    stitcher.add(re, im, start);
    stitchMs += performance.now() - t1;
    inferMs += t1 - t0;
    opts.onProgress?.(start + data.B, groups.B);
  }
  const t2 = performance.now();
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

/** Write `reconstruction.npz`, `reconstruction.json`, `amplitude.png` and `phase.png` into `outDir`. */
export function writeReconstruction(outDir: string, result: ReconstructResult, meta: Record<string, unknown>): string[] {
  const rec = result.reconstruction;
  const [H, W] = rec.object.shape as [number, number];
  const files = ['reconstruction.npz', 'reconstruction.json', 'amplitude.png', 'phase.png'].map((f) => path.join(outDir, f));
  writeNpzFile(files[0]!, { ...encodeReconstruction({ object: rec.object, canvasOrigin: rec.canvasOrigin }) });
  writeJsonAtomic(files[1]!, { shape: [H, W], canvasOrigin: rec.canvasOrigin, groups: result.groups, alpha: result.alpha, seconds: result.seconds, ...meta });
  writeFileAtomic(files[2]!, renderImagePng(rec.amplitude, H, W, { colormap: 'gray', title: 'amplitude' }));
  writeFileAtomic(files[3]!, renderImagePng(rec.phase, H, W, { colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI, title: 'phase' }));
  return files;
}
