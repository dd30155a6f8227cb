/** Scan positions in pixels of the object frame (SPEC §3): `xs` columns, `ys` rows of the patch centres. */
export interface ScanPositions {
  /** @shape (M,) float64 */
  readonly xs: Float64Array;
  /** @shape (M,) float64 */
  readonly ys: Float64Array;
}

/** Size of the object a scan covers, and the patch side N. */
export interface ScanArea {
  /** Object rows H. */
  readonly height: number;
  /** Object columns W. */
  readonly width: number;
  /** Patch side N; patch centres keep a margin of N/2 from the object's edges. */
  readonly n: number;
}
