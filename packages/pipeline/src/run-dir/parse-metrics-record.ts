import { z } from 'zod';
import { METRICS_PROFILES, type EvaluationMetrics, type MetricsProfile } from '@ptychojs/metrics';
import { schemaInputError } from '../internal/schema-input-error.js';
import type { FrcCurveData } from './metrics-record.js';

/** A number as {@link jsonSafe} writes it: finite, or the strings `Infinity`, `-Infinity`, `NaN`. */
const metricNumber = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN'])]).transform((v) => Number(v));

const metricKeys = ['amp_msssim', 'phase_msssim', 'amp_ssim', 'phase_ssim', 'amp_psnr', 'phase_psnr', 'amp_mae', 'phase_mae', 'amp_frc50', 'phase_frc50'] as const;

/** The ten SPEC §4 metric keys, each a number (or a non-finite one written as a string). */
export const evaluationMetricsSchema = z.object(Object.fromEntries(metricKeys.map((k) => [k, metricNumber])) as Record<(typeof metricKeys)[number], typeof metricNumber>);

const curveSchema = z.object({ frequency: z.array(metricNumber), value: z.array(metricNumber) })
  .refine((c) => c.frequency.length === c.value.length, { message: 'frequency and value must have the same length' });

const numbers = z.array(metricNumber);
/** The parts of a self-consistency block (issue 17) that the viewers draw and tabulate; the rest is kept as written. */
const selfConsistencySchema = z.looseObject({
  residuals: z.looseObject({
    normalizedDeviance: metricNumber, medianNormalizedDeviance: metricNumber, rFactor: metricNumber,
    histogram: z.object({ log10Edges: numbers, counts: numbers }),
  }),
  halfScanFrc: z.looseObject({
    crossing: metricNumber, resolutionPixels: metricNumber, resolutionNm: metricNumber.nullable(), reachesNyquist: z.boolean(),
    curve: z.object({ frequency: numbers, value: numbers, threshold: numbers }),
  }).nullable(),
  halfScanFrcAbsent: z.string().nullable(),
});

const recordSchema = evaluationMetricsSchema.partial().extend({
  profile: z.enum(METRICS_PROFILES).optional(),
  frc: z.object({ amp: curveSchema, phase: curveSchema }).optional(),
  metricsAbsent: z.string().optional(),
  selfConsistency: selfConsistencySchema.optional(),
}).superRefine((v, ctx) => {
  const present = metricKeys.filter((k) => v[k] !== undefined);
  if (present.length > 0 && present.length < metricKeys.length) {
    for (const k of metricKeys) if (v[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'missing: the ten metrics come together' });
  } else if (present.length === 0 && !v.selfConsistency) {
    ctx.addIssue({ code: 'custom', path: ['amp_msssim'], message: 'neither the ten metrics nor a selfConsistency block' });
  }
});

/** A method's self-consistency block as the viewers read it from `metrics.json`. */
export type SelfConsistencyFile = z.infer<typeof selfConsistencySchema>;

/** What the viewers read from `metrics.json` ({@link parseMetricsRecord}). */
export interface MetricsFile {
  /** The ten SPEC §4 metrics, or null when the file has none (no ground truth: see `metricsAbsent`). */
  readonly metrics: EvaluationMetrics | null;
  readonly metricsAbsent?: string;
  readonly profile: MetricsProfile;
  /** The FRC curves, when the file has them (written since ptychojs 0.1 by `metricsRecord`). */
  readonly frc?: { readonly amp: FrcCurveData; readonly phase: FrcCurveData };
  /** The method's self-consistency block (issue 17), when the file has one. */
  readonly selfConsistency?: SelfConsistencyFile;
}

/**
 * Validate a parsed `metrics.json` (the output of `metricsRecord`; also `evaluate --json`'s ten
 * keys alone): the ten SPEC §4 metrics (all or, with a self-consistency block, none), the profile,
 * the FRC curves and the self-consistency block (its drawn parts) when present. Other keys are
 * ignored.
 *
 * @throws InputError naming the file and the dotted key of each problem (e.g. `frc.amp.value.3`)
 */
export function parseMetricsRecord(value: unknown, file: string): MetricsFile {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid metrics record', parsed.error, value, file);
  const { profile, frc, metricsAbsent, selfConsistency, ...rest } = parsed.data;
  const metrics = rest.amp_msssim === undefined ? null : Object.fromEntries(metricKeys.map((k) => [k, rest[k]])) as unknown as EvaluationMetrics;
  return {
    metrics, profile: profile ?? 'standard', ...(frc ? { frc } : {}), ...(metricsAbsent !== undefined ? { metricsAbsent } : {}),
    ...(selfConsistency ? { selfConsistency } : {}),
  };
}
