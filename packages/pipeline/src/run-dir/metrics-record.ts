import type { EvaluationResult, MetricsProfile } from '@ptychojs/metrics';
import { jsonSafe } from '../json-safe.js';
import type { SelfConsistencyRecord } from './self-consistency-record.js';
import type { ScanIssueRecord } from '../types.js';

/** An FRC curve as stored in `metrics.json` (SPEC §4): ring frequency as a fraction of Nyquist, and the FRC value. */
export interface FrcCurveData {
  readonly frequency: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

/**
 * The content of `metrics.json`: the ten SPEC §4 metrics, then the profile, the scored box, the
 * origin used, the MS-SSIM scales, the removed phase offset, the amplitude gain, notes, and the
 * warnings of the check of the truth's scan positions, and the FRC curves behind the FRC50 values
 * (`frc.amp`/`frc.phase`: `frequency` as a fraction of Nyquist and `value`, one entry per ring),
 * which the report and the web app draw; then, when given, the method's `selfConsistency` block
 * (issue 17). Without a truth (`result` null) the file holds `metricsAbsent` (why) and the
 * self-consistency block only.
 * Non-finite numbers are written as strings ({@link jsonSafe}), so the record is plain JSON.
 */
export function metricsRecord(
  result: EvaluationResult | null, profile: MetricsProfile, warnings: readonly ScanIssueRecord[] = [],
  extra: { readonly selfConsistency?: SelfConsistencyRecord; readonly metricsAbsent?: string } = {},
): Record<string, unknown> {
  const curve = (c: EvaluationResult['frc']['amp']) => ({ frequency: Array.from(c.frequency), value: Array.from(c.value) });
  const sc = extra.selfConsistency ? { selfConsistency: extra.selfConsistency } : {};
  const body = result
    ? {
      ...result.metrics, profile, box: result.box, origin: result.origin, msssimScales: result.msssimScales, phaseOffset: result.phaseOffset, gain: result.gain, notes: result.notes,
      warnings, frc: { amp: curve(result.frc.amp), phase: curve(result.frc.phase) }, ...sc,
    }
    : { metricsAbsent: extra.metricsAbsent ?? 'no ground truth (objectGuess) to score against', ...sc };
  return JSON.parse(JSON.stringify(body, jsonSafe)) as Record<string, unknown>;
}
