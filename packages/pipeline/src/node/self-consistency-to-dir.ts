import path from 'node:path';
import type { RawData, Reconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import type { EvaluationResult, MetricsProfile } from '@ptychojs/metrics';
import { metricsRecord } from '../run-dir/metrics-record.js';
import { selfConsistency, type SelfConsistencyOptions, type SelfConsistencyResult } from '../reconstruct/self-consistency.js';
import type { Truth } from '../scan/truth-from-arrays.js';
import { evaluateAndWrite } from './evaluate-and-write.js';
import { makeOutputDir } from './make-output-dir.js';
import { selfConsistencyPngs } from './self-consistency-pngs.js';
import { reliableCrop, RUN_FILES } from '../run-dir/run-files.js';

/** Options of {@link selfConsistencyToDir}. */
export interface SelfConsistencyToDirOptions extends SelfConsistencyOptions {
  /** Ground truth: scored too (`evaluateAndWrite`), both kinds side by side in `metrics.json`. */
  readonly truth?: Truth;
  /** Without a truth: why the SPEC §4 metrics are absent, recorded in `metrics.json`. */
  readonly metricsAbsent?: string;
  readonly profile?: MetricsProfile;
}

/** What {@link selfConsistencyToDir} computed and wrote. */
export interface SelfConsistencyOutputs {
  readonly selfConsistency: SelfConsistencyResult;
  /** The evaluation against the truth, when one was given. */
  readonly evaluation?: EvaluationResult;
  /** The pictures written, in the order a report shows them, with captions, paths and bytes (a report shows them without reading them back). */
  readonly images: ReadonlyArray<{ readonly caption: string; readonly file: string; readonly png: Uint8Array }>;
  readonly metricsJson: string;
}

/**
 * Quality without ground truth for one method's reconstruction, into its directory (issue 17):
 * {@link selfConsistency} (data residuals, half-scan FRC when `reconstructSubset` is given,
 * fluence, reliable region, overlap, probe), its pictures ({@link selfConsistencyPngs}:
 * `residual_map.png`, `scan.png`, `fluence.png`, `amplitude_reliable.png`, `phase_reliable.png`,
 * `probe_amplitude.png`, `probe_phase.png`) and `metrics.json` with the `selfConsistency` block —
 * beside the SPEC §4 metrics and `frc.png` when a truth is given (`evaluateAndWrite`), else with
 * `metricsAbsent`. Every file atomically; nothing is written before the computation succeeds.
 */
export async function selfConsistencyToDir(raw: RawData, outDir: string, recon: Reconstruction, opts: SelfConsistencyToDirOptions = {}): Promise<SelfConsistencyOutputs> {
  const sc = await selfConsistency(raw, recon, opts);
  const pngs = selfConsistencyPngs(sc, recon, raw);
  makeOutputDir(outDir);
  const box = sc.region.box;
  const list: { caption: string; name: string; png?: Uint8Array }[] = [
    { caption: box ? `amplitude, cropped to the reliably reconstructed region (${box.height}×${box.width} of the ${recon.object.shape.join('×')} canvas; full canvas: amplitude.png)` : '', name: reliableCrop(RUN_FILES.amplitude), ...(pngs.reliableAmplitude ? { png: pngs.reliableAmplitude } : {}) },
    { caption: box ? `phase, cropped to the reliably reconstructed region (full canvas: phase.png)` : '', name: reliableCrop(RUN_FILES.phase), ...(pngs.reliablePhase ? { png: pngs.reliablePhase } : {}) },
    { caption: 'data residuals: log10 normalized Poisson deviance of each position, drawn at its place (0 = counting noise)', name: RUN_FILES.residualMap, png: pngs.residualMap },
    { caption: `scan positions (red) over the amplitude; cyan: the reliable region (fluence ≥ ${Math.round(100 * sc.record.fluence.fraction)}% of the reference)`, name: RUN_FILES.scanChart, png: pngs.scan },
    { caption: `probe fluence summed over the scan, photons per pixel (${sc.record.fluence.photonsPerExposure.toPrecision(3)} photons per exposure)`, name: RUN_FILES.fluence, png: pngs.fluence },
    { caption: `probe amplitude (${sc.record.probe.source})`, name: RUN_FILES.probeAmplitude, png: pngs.probeAmplitude },
    { caption: 'probe phase', name: RUN_FILES.probePhase, png: pngs.probePhase },
  ];
  const images: { caption: string; file: string; png: Uint8Array }[] = [];
  for (const i of list) {
    if (!i.png) continue;
    const file = path.join(outDir, i.name);
    writeFileAtomic(file, i.png);
    images.push({ caption: i.caption, file, png: i.png });
  }
  const metricsJson = path.join(outDir, RUN_FILES.metrics);
  let evaluation: EvaluationResult | undefined;
  if (opts.truth) evaluation = evaluateAndWrite(recon, opts.truth, outDir, opts.profile ?? 'standard', sc.record).result;
  else writeJsonAtomic(metricsJson, metricsRecord(null, opts.profile ?? 'standard', [], { selfConsistency: sc.record, ...(opts.metricsAbsent ? { metricsAbsent: opts.metricsAbsent } : {}) }));
  return { selfConsistency: sc, ...(evaluation ? { evaluation } : {}), images, metricsJson };
}
