import { scanBoxFromPositions } from '@ptychojs/metrics';
import type { Truth } from './truth-from-arrays.js';
import type { UsableScan } from './usable-scan.js';

/**
 * The ground truth a checked scan is scored against (its objectGuess over the box of its
 * positions, SPEC §4), or undefined when the metrics cannot be computed — no objectGuess, or a
 * metrics crop too small — whose reason is `scan.evaluation.reason` (reported, never an error).
 */
export function scanTruth(scan: UsableScan): Truth | undefined {
  const { raw } = scan;
  if (!scan.evaluation.possible || !raw.objectGuess) return undefined;
  return { object: raw.objectGuess, scanBox: scanBoxFromPositions(raw.xcoords, raw.ycoords), warnings: scan.warnings };
}
