import type { SelfConsistencyRecord } from './self-consistency-record.js';

/** What `summary.json` keeps of a method's self-consistency block ({@link selfConsistencySummary}). */
export interface SelfConsistencySummary {
  readonly normalizedDeviance: number;
  readonly medianNormalizedDeviance: number;
  readonly rFactor: number;
  /** Positions with a normalized deviance above 2, and their fraction. */
  readonly poorlyExplainedPositions: number;
  readonly poorlyExplainedFraction: number;
  /** Half-scan FRC resolution (½-bit), half-period, px and nm; null with the reason when not computed. */
  readonly halfScanFrc: { readonly resolutionPixels: number; readonly resolutionNm: number | null; readonly reachesNyquist: boolean; readonly split: string } | null;
  readonly halfScanFrcAbsent: string | null;
  readonly overlap: { readonly linear: number; readonly areal: number } | null;
  /** Fraction of the canvas in the reliable region, and the median fluence inside it (photons per pixel). */
  readonly reliableFraction: number;
  readonly medianFluence: number;
  readonly probeEnergyOutsideCentre: number;
  /** ‖P − g·P₀‖/‖P‖ when the probe was trained or refined, else null. */
  readonly probeChange: number | null;
}

/**
 * The numbers of a self-consistency block that `summary.json` carries per method (issue 17):
 * residual summary, half-scan FRC resolution, overlap, fluence coverage and the probe — the
 * per-position values, curves and definitions stay in the method's `metrics.json`.
 */
export function selfConsistencySummary(r: SelfConsistencyRecord): SelfConsistencySummary {
  const f = r.halfScanFrc;
  return {
    normalizedDeviance: r.residuals.normalizedDeviance, medianNormalizedDeviance: r.residuals.medianNormalizedDeviance, rFactor: r.residuals.rFactor,
    poorlyExplainedPositions: r.residuals.poorlyExplained.positions, poorlyExplainedFraction: r.residuals.poorlyExplained.fraction,
    halfScanFrc: f ? { resolutionPixels: f.resolutionPixels, resolutionNm: f.resolutionNm, reachesNyquist: f.reachesNyquist, split: f.split } : null,
    halfScanFrcAbsent: r.halfScanFrcAbsent,
    overlap: r.overlap ? { linear: r.overlap.linear, areal: r.overlap.areal } : null,
    reliableFraction: r.fluence.reliablePixels / r.fluence.canvasPixels, medianFluence: r.fluence.medianInside,
    probeEnergyOutsideCentre: r.probe.energyOutsideCentre, probeChange: r.probe.change ? r.probe.change.relativeChange : null,
  };
}
