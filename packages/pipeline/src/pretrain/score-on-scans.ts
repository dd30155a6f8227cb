import { scanDataFromRaw } from '@ptychojs/io';
import { evaluateReconstruction, scanBoxFromPositions } from '@ptychojs/metrics';
import { predictObject, type InferenceModel } from '@ptychojs/model';
import { reconstructScan } from '../reconstruct/reconstruct-scan.js';
import type { GroupingSettings } from '../types.js';
import type { PretrainScan } from './simulate-pretraining-scan.js';
import { INFERENCE_BATCH_SIZE } from '../reconstruct/inference-batch-size.js';

/**
 * Reconstruct each held-out simulated scan with `model` (the inference path: `predictObject`,
 * stitched by `reconstructScan`) and score it against its truth over the scan box (SPEC §4,
 * `evaluateReconstruction`): the mean amplitude and phase SSIM over the scans (`amp_ssim`,
 * `phase_ssim`) and per family (`amp_ssim:lines`, …). What pretraining's validation reports
 * every epoch.
 */
export async function scoreOnScans(model: InferenceModel, scans: readonly PretrainScan[], grouping: GroupingSettings): Promise<Record<string, number>> {
  const sums = new Map<string, { amp: number; phase: number; n: number }>();
  const add = (key: string, amp: number, phase: number) => {
    const s = sums.get(key) ?? { amp: 0, phase: 0, n: 0 };
    sums.set(key, { amp: s.amp + amp, phase: s.phase + phase, n: s.n + 1 });
  };
  for (const scan of scans) {
    const { raw } = scan;
    const r = await reconstructScan(scanDataFromRaw(raw), async (batch) => {
      const o = await predictObject(model, batch.X, batch.coordsRelative, { batchSize: INFERENCE_BATCH_SIZE });
      return { re: o.re, im: o.im };
    }, { grouping: { ...grouping, sampling: 'sequential' }, batchSize: INFERENCE_BATCH_SIZE });
    const m = evaluateReconstruction(r.reconstruction.object, r.reconstruction.canvasOrigin, raw.objectGuess!, scanBoxFromPositions(raw.xcoords, raw.ycoords)).metrics;
    add('', m.amp_ssim, m.phase_ssim);
    add(`:${scan.settings.family}`, m.amp_ssim, m.phase_ssim);
  }
  const out: Record<string, number> = {};
  for (const [key, s] of sums) {
    out[`amp_ssim${key}`] = s.amp / s.n;
    out[`phase_ssim${key}`] = s.phase / s.n;
  }
  return out;
}
