import { z } from 'zod';
import type { EvaluationMetrics } from '@ptychojs/metrics';
import { schemaInputError } from './internal/schema-input-error.js';
import type { FrcCurveData } from './charts/frc-chart.js';

/** A number as {@link jsonSafe} writes it: finite, or the strings `Infinity`, `-Infinity`, `NaN`. */
const metricNumber = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN'])]).transform((v) => Number(v));

const metricKeys = ['amp_msssim', 'phase_msssim', 'amp_ssim', 'phase_ssim', 'amp_psnr', 'phase_psnr', 'amp_mae', 'phase_mae', 'amp_frc50', 'phase_frc50'] as const;

/** The ten SPEC §4 metric keys, each a number (or a non-finite one written as a string). */
export const evaluationMetricsSchema = z.object(Object.fromEntries(metricKeys.map((k) => [k, metricNumber])) as Record<(typeof metricKeys)[number], typeof metricNumber>);

const curveSchema = z.object({ frequency: z.array(metricNumber), value: z.array(metricNumber) })
  .refine((c) => c.frequency.length === c.value.length, { message: 'frequency and value must have the same length' });

const recordSchema = evaluationMetricsSchema.extend({
  profile: z.enum(['standard', 'ptychopinn']).optional(),
  frc: z.object({ amp: curveSchema, phase: curveSchema }).optional(),
});

/** What the viewers read from `metrics.json` ({@link parseMetricsRecord}). */
export interface MetricsFile {
  readonly metrics: EvaluationMetrics;
  readonly profile: 'standard' | 'ptychopinn';
  /** The FRC curves, when the file has them (written since ptychojs 0.1 by `metricsRecord`). */
  readonly frc?: { readonly amp: FrcCurveData; readonly phase: FrcCurveData };
}

/**
 * Validate a parsed `metrics.json` (the output of `metricsRecord`; also `evaluate --json`'s ten
 * keys alone): the ten SPEC §4 metrics, the profile and the FRC curves when present. Other keys
 * are ignored.
 *
 * @throws InputError naming the file and the dotted key of each problem (e.g. `frc.amp.value.3`)
 */
export function parseMetricsRecord(value: unknown, file: string): MetricsFile {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid metrics record', parsed.error, value, file);
  const { profile, frc, ...rest } = parsed.data;
  const metrics = Object.fromEntries(metricKeys.map((k) => [k, rest[k]])) as unknown as EvaluationMetrics;
  return { metrics, profile: profile ?? 'standard', ...(frc ? { frc } : {}) };
}
