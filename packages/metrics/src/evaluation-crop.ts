import type { ScanBox } from './types.js';
import { scanBoxPixels } from './internal/scan-box-pixels.js';

/** The pixels the SPEC §4 metrics score, in the truth frame ({@link evaluationCrop}). */
export interface EvaluationCrop {
  /** First column of the crop. */
  readonly col0: number;
  /** First row of the crop. */
  readonly row0: number;
  /** Columns in the crop; 0 when the scan box misses the truth. */
  readonly width: number;
  /** Rows in the crop; 0 when the scan box misses the truth. */
  readonly height: number;
}

/**
 * The crop the metrics score for a scan box on an H×W truth (SPEC §4 "crop both to the box spanned
 * by the scan positions"): columns `ceil(xmin)…floor(xmax)` and rows `ceil(ymin)…floor(ymax)`,
 * clipped to the truth. `evaluateReconstruction` scores this crop (further clipped to the
 * reconstruction's extent); a scan can be judged by it before any reconstruction exists.
 * Never throws: the box is taken as given (finite, `min ≤ max`, as `scanBoxFromPositions` makes it).
 *
 * @param scanBox box spanned by the scan positions, object-frame pixels (x = column, y = row)
 * @param H rows of the truth
 * @param W columns of the truth
 */
export function evaluationCrop(scanBox: ScanBox, H: number, W: number): EvaluationCrop {
  const { col0, col1, row0, row1 } = scanBoxPixels(scanBox);
  const c0 = Math.max(col0, 0), c1 = Math.min(col1, W - 1);
  const r0 = Math.max(row0, 0), r1 = Math.min(row1, H - 1);
  return { col0: c0, row0: r0, width: Math.max(0, c1 - c0 + 1), height: Math.max(0, r1 - r0 + 1) };
}
