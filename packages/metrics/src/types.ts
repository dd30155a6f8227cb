/**
 * Types shared by the metrics (SPEC §4). Images are plain row-major typed-array planes with their
 * height and width passed alongside (SPEC §3 letters: H rows, W columns).
 */

/** A real image plane, row-major (C order). Float64 is used internally; float32 is accepted everywhere. */
export type Plane = Float32Array | Float64Array;

/**
 * The box spanned by the scan positions, in pixels of the object (truth) frame: x is the column,
 * y the row (SPEC §3). Bounds are inclusive: pixels with `ceil(xmin) ≤ col ≤ floor(xmax)` and
 * `ceil(ymin) ≤ row ≤ floor(ymax)` are scored.
 */
export interface ScanBox {
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
}

/** A Fourier ring correlation curve and its 0.5 crossing (SPEC §4). */
export interface FrcCurve {
  /** Ring radius as a fraction of Nyquist, `r / (L/2)`, one entry per ring. */
  readonly frequency: Float64Array;
  /** FRC value per ring; NaN where a ring has no power in either image. */
  readonly value: Float64Array;
  /** Number of Fourier pixels in each ring. */
  readonly ringPixels: Int32Array;
  /** Side L of the square (centre-cropped) region the FRC was computed on. */
  readonly side: number;
  /** Apodization applied before the transform ('hann' for `frc` by default; 'none' for PtychoPINN's variant). */
  readonly window: 'hann' | 'none';
  /** The threshold used (0.5). */
  readonly threshold: number;
  /** Where the curve first drops below the threshold, as a fraction of Nyquist (see `frc`). */
  readonly frc50: number;
}

/** Options of `ssim`. Defaults are Wang et al. (2004). */
export interface SsimOptions {
  /** Data range L; default max − min of the reference. */
  readonly dataRange?: number;
  /** 'gaussian' (default; σ = `sigma`) or 'uniform' (box window, as scikit-image's default). */
  readonly window?: 'gaussian' | 'uniform';
  /** Window side, odd; default 11 (Gaussian) or 7 (uniform). */
  readonly windowSize?: number;
  /** Gaussian σ; default 1.5. */
  readonly sigma?: number;
  /** Default 0.01. */
  readonly k1?: number;
  /** Default 0.03. */
  readonly k2?: number;
  /** Unbiased local (co)variances, factor NP/(NP−1) (scikit-image's default); default false (Wang). */
  readonly sampleCovariance?: boolean;
}
