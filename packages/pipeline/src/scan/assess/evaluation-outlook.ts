import { evaluationCrop, SSIM_WINDOW_SIZE, type ScanBox } from '@ptychojs/metrics';
import { findingsFor } from './findings-for.js';
import type { EvaluationOutlook, Findings, ScanNeeds, ScanToAssess } from './types.js';

/** Without a usable objectGuess there is nothing to score against. */
const NO_TRUTH: EvaluationOutlook = { possible: false, reason: 'no objectGuess (no ground truth to score against)' };

/**
 * Whether the SPEC §4 metrics can be computed against `objectGuess`: the crop they score
 * (`evaluationCrop` of @ptychojs/metrics: the scan box ∩ the object) must be at least the SSIM
 * window (`SSIM_WINDOW_SIZE`, 11 px) on each side. Judged whatever the scan is needed for (what
 * scoring the result would need); a crop too small is a problem where evaluation is required
 * (`evaluation-box-too-small`), and a warning where it is reported (`metrics-unavailable`) unless
 * a finding about the positions explains it, whose fix it then names (a second warning, "scan a
 * larger area", would be a false follow-on).
 *
 * @param positions whether they can be read, the box they span (absent when not all finite) and what their checks found
 * @param outside how many positions lie outside the object (`objectFindings`)
 */
export function evaluationOutlook(scan: ScanToAssess, needs: ScanNeeds, positions: { readonly readable: boolean; readonly extent?: ScanBox; readonly notPixels: boolean; readonly coincide: boolean }, outside: number): Findings & { readonly evaluation: EvaluationOutlook } {
  const { findings, problem, warn } = findingsFor(scan.source);
  const obj = scan.objectGuess, extent = positions.extent;
  if (obj === undefined || !positions.readable) return { ...findings, evaluation: NO_TRUTH };
  if (!extent) return { ...findings, evaluation: { possible: false, reason: 'scan positions are not finite' } };
  if (obj.shape.length !== 2) return { ...findings, evaluation: NO_TRUTH };
  const [H, W] = obj.shape as [number, number];
  const box = evaluationCrop(extent, H, W);
  const { width, height } = box, min = SSIM_WINDOW_SIZE;
  if (width >= min && height >= min) return { ...findings, evaluation: { possible: true, box } };
  const cause = outside > 0 ? 'the scan positions lie outside objectGuess' : positions.notPixels ? 'the positions are not in pixels' : positions.coincide ? 'all positions coincide' : undefined;
  const reason = `the scan box inside objectGuess is ${width}×${height} px, smaller than the ${min}×${min} SSIM window (SPEC §4)${cause ? `: ${cause}` : ''}`;
  const fix = cause ? `fix the positions first (${cause}; see the warning about them)` : 'scan a larger area (the box spanned by the positions is what is scored), or skip evaluation';
  const args = ['objectGuess', `the metrics crop (scan box ∩ objectGuess) is ${width}×${height} px: too small to score`, `at least ${min}×${min} px`, `${width}×${height} px`, fix] as const;
  if (needs.evaluation === 'required') problem('evaluation-box-too-small', ...args);
  else if (!cause && needs.evaluation === 'reported') warn('metrics-unavailable', ...args);
  return { ...findings, evaluation: { possible: false, reason, box } };
}
