/**
 * The self-consistency block of one method (issue 17): what a reconstruction says about its own
 * quality without a ground truth. Written to the method's `metrics.json` (`selfConsistency`) and,
 * without the per-position arrays and curves, to `summary.json` (`selfConsistency.<method>`,
 * {@link selfConsistencySummary}). Plain JSON (non-finite numbers as strings, `jsonSafe`).
 */
export interface SelfConsistencyRecord {
  /** The method ('network', 'refined', 'epie', 'pretrained', …), when known. */
  readonly method?: string;
  readonly residuals: ResidualsRecord;
  /** The half-scan FRC, or null when it was not computed… */
  readonly halfScanFrc: HalfScanFrcRecord | null;
  /** …and then why. */
  readonly halfScanFrcAbsent: string | null;
  /** Linear and areal overlap of neighbouring illuminations; null for fewer than 2 positions. */
  readonly overlap: { readonly step: number; readonly probeDiameter: number; readonly linear: number; readonly areal: number } | null;
  readonly fluence: FluenceRecord;
  readonly probe: ProbeRecord;
  readonly notes: readonly string[];
}

/** Data residuals under the forward model (`dataResiduals` of @ptychojs/physics). */
export interface ResidualsRecord {
  /** The formulas, in words, with their sources. */
  readonly definition: string;
  /** Σ deviance / Σ expected deviance over the scan: ≈ 1 when the model explains the data to the counting noise. */
  readonly normalizedDeviance: number;
  /** Median over positions of the per-pattern normalized deviance. */
  readonly medianNormalizedDeviance: number;
  /** Amplitude R-factor over the scan, Σ|√y − √μ| / Σ√y. */
  readonly rFactor: number;
  /** Positions whose normalized deviance exceeds `threshold` (2: far beyond counting noise; at the true object every position stays below 1.25 from 10³ photons per pattern up). */
  readonly poorlyExplained: { readonly threshold: number; readonly positions: number; readonly fraction: number };
  /** The fitted counts scale c of μ = c·|FFT2(P·O)|²/N². */
  readonly scale: number;
  /** Detector pixels counted per pattern, and those masked. */
  readonly pixelsPerPattern: number;
  readonly maskedPixels: number;
  /** One entry per scan position, in scan order. */
  readonly perPosition: { readonly x: readonly number[]; readonly y: readonly number[]; readonly normalizedDeviance: readonly number[]; readonly rFactor: readonly number[] };
  /** Histogram of log10(per-position normalized deviance): bin edges (one more than counts). */
  readonly histogram: { readonly log10Edges: readonly number[]; readonly counts: readonly number[] };
  /** The worst positions, worst first. */
  readonly worst: ReadonlyArray<{ readonly index: number; readonly x: number; readonly y: number; readonly normalizedDeviance: number; readonly rFactor: number }>;
}

/** The half-scan Fourier ring correlation (`frcResolution` of @ptychojs/metrics). */
export interface HalfScanFrcRecord {
  /** How the positions were split (`halfScanSplit` of @ptychojs/grouping) and the size of each half. */
  readonly split: 'checkerboard' | 'parity';
  readonly positions: readonly [number, number];
  /** How each half was reconstructed (the method, with the same settings). */
  readonly reconstruction: string;
  /** The compared region, object frame: columns x0 … x0 + width − 1, rows y0 … y0 + height − 1 (the reliable region's box). */
  readonly box: { readonly x0: number; readonly y0: number; readonly width: number; readonly height: number };
  /** Sub-pixel translation applied to the second half (px) and the normalized correlation peak. */
  readonly registration: { readonly dx: number; readonly dy: number; readonly peak: number };
  /** Relative global phase removed (radians). */
  readonly globalPhase: number;
  readonly threshold: 'half-bit';
  /** Where the FRC first falls below the ½-bit curve, fraction of Nyquist (1: never). */
  readonly crossing: number;
  readonly reachesNyquist: boolean;
  /** Half-period resolution 1/crossing, pixels, and nm when the pixel size is known. */
  readonly resolutionPixels: number;
  readonly resolutionNm: number | null;
  /** Object pixel size (m) from `_metadata`, or null. */
  readonly pixelSize: number | null;
  readonly curve: { readonly frequency: readonly number[]; readonly value: readonly number[]; readonly threshold: readonly number[] };
  /** What the number means, and that it is pessimistic. */
  readonly note: string;
  readonly seconds: number;
}

/** The probe's fluence over the scan and the reliably reconstructed region (`fluenceMap`, `reliableRegion`). */
export interface FluenceRecord {
  /** Photons per exposure used for the map: the mean counts per pattern. */
  readonly photonsPerExposure: number;
  /** The reference fluence (90th percentile of the non-zero map) and the threshold, photons per pixel. */
  readonly reference: number;
  readonly threshold: number;
  readonly fraction: number;
  /** Pixels of the reliable region, and of the whole canvas. */
  readonly reliablePixels: number;
  readonly canvasPixels: number;
  /** Median fluence inside the region, photons per pixel. */
  readonly medianInside: number;
  /** The region's bounding box on the reconstruction's canvas (rows, columns), null when empty: displayed objects are cropped to it. */
  readonly box: { readonly row0: number; readonly col0: number; readonly height: number; readonly width: number } | null;
}

/** The probe the reconstruction goes with. */
export interface ProbeRecord {
  /** Where it came from (the scan's probeGuess, an updated probe file…). */
  readonly source: string;
  readonly rmsRadius: number;
  /** Fraction of its energy outside the central N/2 square. */
  readonly energyOutsideCentre: number;
  /** How it changed from the initial probe (when trained or refined), else null. */
  readonly change: { readonly relativeChange: number; readonly scale: number; readonly phase: number } | null;
}
