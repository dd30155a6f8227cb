import { median, nearestNeighbours } from '@ptychojs/grouping';
import { scanBoxFromPositions, type ScanBox } from '@ptychojs/metrics';
import { duplicatePositionWarnings } from './duplicate-position-warnings.js';
import { overlapWarnings } from './overlap-warnings.js';
import { positionProblems } from './position-problems.js';
import { positionUnitsWarnings } from './position-units-warnings.js';
import { startPositionWarnings } from './start-position-warnings.js';
import type { Findings, ScanToAssess } from './types.js';

/** What the positions' checks found and measured ({@link positionFindings}). */
export interface PositionFindings extends Findings {
  /** There are positions, as many x as y: the rest of the scan can be judged. */
  readonly readable: boolean;
  /** Box spanned by the positions (`scanBoxFromPositions` of @ptychojs/metrics), when all are finite. */
  readonly extent?: ScanBox;
  /** Median distance to the nearest other position, pixels (M ≥ 2 finite positions). */
  readonly medianStep?: number;
  /** Every position is the same point. */
  readonly coincide: boolean;
  /** The step or span says the positions are not pixels. */
  readonly notPixels: boolean;
}

/**
 * The positions' checks in order: can they be read ({@link positionProblems}); then, when finite,
 * their units ({@link positionUnitsWarnings}) and, unless those say the step means nothing, overlap
 * ({@link overlapWarnings}) and duplicates ({@link duplicatePositionWarnings}); the true positions
 * ({@link startPositionWarnings}).
 */
export function positionFindings(scan: ScanToAssess): PositionFindings {
  const file = scan.source, xs = scan.xcoords, ys = scan.ycoords;
  const { problems, readable, finite } = positionProblems(file, xs, ys);
  if (!finite) return { problems, warnings: [], readable, coincide: false, notPixels: false };
  const extent = scanBoxFromPositions(xs, ys);
  if (xs.length < 2) return { problems, warnings: startPositionWarnings(scan), readable, extent, coincide: false, notPixels: false };
  const nearest = nearestNeighbours(xs, ys);
  const medianStep = median(nearest.distance);
  const units = positionUnitsWarnings(file, xs.length, extent, medianStep, scan.metadata);
  const spacing = units.coincide || units.notPixels ? [] : [...overlapWarnings(file, scan.N, medianStep), ...duplicatePositionWarnings(file, xs, ys, nearest)];
  const warnings = [...units.warnings, ...spacing, ...startPositionWarnings(scan)];
  return { problems, warnings, readable, extent, medianStep, coincide: units.coincide, notPixels: units.notPixels };
}
