import { z } from 'zod';
import type { EvaluationMetrics } from '@ptychojs/metrics';
import { schemaInputError } from '../internal/schema-input-error.js';
import { evaluationMetricsSchema } from './parse-metrics-record.js';

const summarySchema = z.looseObject({
  metrics: evaluationMetricsSchema.nullable(),
  infer: z.looseObject({ shape: z.array(z.number().int().positive()).length(2), canvasOrigin: z.array(z.number()).length(2) }).optional(),
});

/** What the viewers read from `summary.json` ({@link parseRunSummary}). */
export interface RunSummaryFile {
  /** The ten SPEC §4 metrics, or null when the run had no ground truth. */
  readonly metrics: EvaluationMetrics | null;
  /** Every field as written (for a key/value table). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Validate a parsed `summary.json` of a `run` or `demo` directory (`RunSummary` of
 * `@ptychojs/pipeline/node`): an object whose `metrics` is null or the ten SPEC §4 metrics and
 * whose `infer.shape`/`infer.canvasOrigin`, when present, are pairs. Other fields are kept as
 * they are, for display.
 *
 * @throws InputError naming the file and the dotted key (e.g. `metrics.amp_ssim`)
 */
export function parseRunSummary(value: unknown, file: string): RunSummaryFile {
  const parsed = summarySchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid run summary', parsed.error, value, file);
  return { metrics: parsed.data.metrics, fields: value as Record<string, unknown> };
}
