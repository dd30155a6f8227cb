import path from 'node:path';
import type { Reconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic } from '@ptychojs/io/node';
import { evaluateReconstruction, type EvaluationResult, type MetricsProfile } from '@ptychojs/metrics';
import { chartSvg } from '../report/charts/chart-svg.js';
import { frcChart } from '../report/charts/frc-chart.js';
import { metricsRecord } from '../run-dir/metrics-record.js';
import type { SelfConsistencyRecord } from '../run-dir/self-consistency-record.js';
import type { Truth } from '../scan/truth-from-arrays.js';
import { makeOutputDir } from './make-output-dir.js';
import { svgToPng } from './svg-to-png.js';
import { RUN_FILES } from '../run-dir/run-files.js';

/** What {@link evaluateAndWrite} scored and wrote. */
export interface EvaluationOutputs {
  readonly result: EvaluationResult;
  readonly frcPng: string;
  readonly metricsJson: string;
}

/**
 * Score `recon` against `truth` (SPEC §4, `evaluateReconstruction`) and write what a person looks
 * at into `outDir` (made if missing, once the scores are computed): `metrics.json`
 * ({@link metricsRecord}, with the truth's warnings, and the method's self-consistency block when
 * given) and `frc.png` (the report's FRC chart, {@link frcChart}, rendered by {@link svgToPng}).
 */
export function evaluateAndWrite(recon: Reconstruction, truth: Truth, outDir: string, profile: MetricsProfile = 'standard', selfConsistency?: SelfConsistencyRecord): EvaluationOutputs {
  const result = evaluateReconstruction(recon.object, recon.canvasOrigin, truth.object, truth.scanBox, { profile });
  makeOutputDir(outDir);
  const frcFile = path.join(outDir, RUN_FILES.frcChart);
  const metricsJson = path.join(outDir, RUN_FILES.metrics);
  writeFileAtomic(frcFile, svgToPng(chartSvg(frcChart(result.frc, profile))));
  writeJsonAtomic(metricsJson, metricsRecord(result, profile, truth.warnings, selfConsistency ? { selfConsistency } : {}));
  return { result, frcPng: frcFile, metricsJson };
}
