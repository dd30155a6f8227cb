import { checkRawData, numpyDtypeName, type NdArray, type RawData } from '@ptychojs/io';
import { knnAll } from '@ptychojs/grouping';
import { probeRmsRadius } from '@ptychojs/physics';

/** What a scan file holds and whether it is valid ({@link summarizeScan}). */
export interface ScanSummary {
  file: string;
  /** Every array: key, shape and numpy's name of the dtype it has in the file (`float32`, `float16`, `str (<U12)`…; io's `numpyDtypeName`). */
  keys: { key: string; shape: number[]; dtype: string }[];
  valid: boolean;
  /** Every validation problem (SPEC §3), naming key, expected and actual. */
  problems: string[];
  M?: number;
  N?: number;
  /** Extent of the scan positions, pixels. */
  extent?: { xmin: number; xmax: number; ymin: number; ymax: number };
  /** Median distance to the nearest other scan position, pixels. */
  medianStep?: number;
  probeRmsRadius?: number;
  /** Linear overlap 1 − step / probe FWHM, FWHM taken as 1.665·(rms radius) (Gaussian-equivalent). */
  overlap?: number;
  /** Total counts Σ diff3d² per pattern. */
  countsPerPattern?: { min: number; median: number; max: number };
  /** Shape of objectGuess, or null when absent. */
  objectGuess?: number[] | null;
  metadata?: Readonly<Record<string, unknown>> | null;
}

/**
 * Everything `inspect` reports about a scan, computed from its parsed arrays (SPEC §1, §3): keys,
 * shapes and dtypes; validity with every problem; and for a valid scan M, N, the scan extent,
 * the median nearest-neighbour step, the probe's rms radius, the estimated linear overlap, counts
 * per pattern, objectGuess and metadata. Pure; browser-safe.
 */
export function summarizeScan(file: string, arrays: Record<string, NdArray>): ScanSummary {
  const keys = Object.entries(arrays).map(([key, a]) => ({ key, shape: [...a.shape], dtype: numpyDtypeName(a) }));
  const { raw, problems } = checkRawData(arrays, file);
  const summary: ScanSummary = { file, keys, valid: problems.length === 0 && raw !== undefined, problems };
  if (!raw) return summary;
  return { ...summary, ...describeRaw(raw) };
}

function describeRaw(raw: RawData): Partial<ScanSummary> {
  const { M, N, xcoords: xs, ycoords: ys } = raw;
  const extent = { xmin: min(xs), xmax: max(xs), ymin: min(ys), ymax: max(ys) };
  let medianStep: number | undefined;
  if (M > 1) {
    const nn = knnAll(xs, ys, 1, { excludeSelf: true });
    const d = new Float64Array(M);
    for (let i = 0; i < M; i++) { const j = nn[i]!; d[i] = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!); }
    medianStep = median(d);
  }
  const rms = probeEnergy(raw) > 0 ? probeRmsRadius(raw.probeGuess) : 0;
  const counts = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    let s = 0;
    for (let p = k * N * N, e = p + N * N; p < e; p++) s += raw.diff3d[p]! ** 2;
    counts[k] = s;
  }
  const fwhm = 1.665 * rms;
  return {
    M, N, extent, medianStep, probeRmsRadius: rms,
    overlap: medianStep === undefined ? undefined : Math.max(0, 1 - medianStep / fwhm),
    countsPerPattern: { min: min(counts), median: median(counts), max: max(counts) },
    objectGuess: raw.objectGuess ? [...raw.objectGuess.shape] : null,
    metadata: raw.metadata ?? null,
  };
}

function probeEnergy(raw: RawData): number {
  let e = 0;
  for (let i = 0; i < raw.probeGuess.re.length; i++) e += raw.probeGuess.re[i]! ** 2 + raw.probeGuess.im[i]! ** 2;
  return e;
}

function min(a: ArrayLike<number>): number { let m = Infinity; for (let i = 0; i < a.length; i++) if (a[i]! < m) m = a[i]!; return m; }
function max(a: ArrayLike<number>): number { let m = -Infinity; for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!; return m; }
function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
