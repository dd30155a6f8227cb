import type { EvaluationMetrics } from '@ptychojs/metrics';
import { formatMetric } from './format-metric.js';
import { metricsRows } from './metrics-rows.js';

/** The ten SPEC §4 metrics as an aligned text table (a header, then MS-SSIM, SSIM, PSNR, MAE, FRC50 rows of amplitude and phase; {@link metricsRows}). */
export function metricsTable(m: EvaluationMetrics): string[] {
  return [
    `  ${'metric'.padEnd(8)} ${'amplitude'.padStart(10)} ${'phase'.padStart(10)}`,
    ...metricsRows(m).map((r) => `  ${r.name.padEnd(8)} ${formatMetric(r.amplitude).padStart(10)} ${formatMetric(r.phase).padStart(10)}`),
  ];
}
