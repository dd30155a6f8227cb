import { describeFlaggedPixels, detectorFlagValues, formatInputError, MASKING_ADVICE, type DiffractionKind, type DiffractionStats, type RawData, type ScanData } from '@ptychojs/io';
import { knnAll, median, metadataPixelSize } from '@ptychojs/grouping';
import { diffractionStats } from './assess/diffraction-stats.js';
import { fmt } from '../internal/fmt.js';
import type { ScanIssue, ScanIssueCode } from './scan-issue.js';
import { uniformDiffractionProblem } from './uniform-diffraction-problem.js';

/** The `ptycho` command a scan is assessed for (SPEC §1); `inspect` assesses as `run` would. */
export type ScanCommand = 'inspect' | 'train' | 'infer' | 'run' | 'evaluate' | 'simulate' | 'epie';

/** Settings of the command the scan is assessed for. Defaults are SPEC §3's. */
export interface AssessScanSettings {
  readonly command: ScanCommand;
  /** Solution-region side, C = gridsize² positions per group (train, infer, run, inspect). Default 2. */
  readonly gridsize?: number;
  /** Neighbour pool for grouping, K ≥ C − 1. Default 6. */
  readonly K?: number;
  /** The run's photon count when given (`--nphotons`), compared with the measured dose. */
  readonly nphotons?: number;
  /**
   * How the diffraction was read (checkRawData's `diffraction` option) and whether the user said
   * so. Default `{ kind: 'amplitude', stated: false }`, the SPEC §3 contract: integer values then
   * warn as counts-like. Counts read by default (from an integer dtype) warn that they were; a
   * stated reading is not second-guessed.
   */
  readonly diffraction?: { readonly kind: DiffractionKind; readonly stated: boolean };
  /** Turn every warning into a problem. */
  readonly strict?: boolean;
  /**
   * Smallest evaluation crop side in pixels. Default 11: the SSIM window of SPEC §4, below which
   * `evaluateReconstruction` (@ptychojs/metrics) refuses the crop.
   */
  readonly minEvaluationBox?: number;
}

/**
 * What `assessScan` reads: a `RawData` qualifies, and so does the partial scan of `simulate`
 * (positions and an object, no diffraction) or of `evaluate` (positions and objectGuess).
 */
export interface ScanToAssess {
  /** File name (or label) for messages. */
  readonly source: string;
  /** Pattern side; for `simulate`, the probe's. */
  readonly N: number;
  /** @shape (M,) pixels, x = column (SPEC §3) */
  readonly xcoords: ArrayLike<number>;
  /** @shape (M,) pixels, y = row */
  readonly ycoords: ArrayLike<number>;
  /** @shape (M,) true positions (ground-truth patches); default xcoords */
  readonly xcoordsStart?: ArrayLike<number>;
  readonly ycoordsStart?: ArrayLike<number>;
  /** @shape (M, N, N) amplitude = sqrt(counts) */
  readonly diff3d?: ArrayLike<number>;
  /**
   * The diffraction's statistics already gathered (by `checkRawData`'s one pass over a scan read
   * by range, possibly of a sample of frames); used instead of reading `diff3d`.
   */
  readonly diffractionStats?: DiffractionStats;
  /** Only its `shape` (H, W) is read. */
  readonly objectGuess?: { readonly shape: readonly number[] };
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** The file's key for the diffraction (`diff3d` or its alias `diffraction`), for messages. */
  readonly diffractionKey?: string;
  /** numpy dtype of each key as stored, for messages. */
  readonly storedDtypes?: Readonly<Record<string, string>>;
}

/** Measurements made along the way, for reports (`inspect`). */
export interface ScanStats {
  readonly M: number;
  readonly N: number;
  /** Box spanned by the positions (pixels); absent without finite positions. */
  readonly extent?: { readonly xmin: number; readonly xmax: number; readonly ymin: number; readonly ymax: number };
  /** Median distance to the nearest other position (pixels); absent for M < 2. */
  readonly medianStep?: number;
  /** Counts per pattern (Σ amplitude², or Σ counts when the data look like counts): min, median, max. */
  readonly countsPerPattern?: { readonly min: number; readonly median: number; readonly max: number };
  /** Mean counts per pattern: the dose nphotons defaults to (SPEC §3). */
  readonly meanCounts?: number;
  /**
   * Pixels left out of `countsPerPattern` and `meanCounts`: detector gaps and hot pixels holding a
   * non-zero value in every pattern (the `detector-gaps` and `hot-pixels` warnings), which are not photons.
   */
  readonly excludedPixels?: number;
}

/** Result of {@link assessScan}. */
export interface ScanAssessment {
  /** The command cannot run on this scan with these settings (exit 2). */
  readonly problems: ScanIssue[];
  /** It can, but the data look wrong; each says what to do. Empty under `strict`. */
  readonly warnings: ScanIssue[];
  /**
   * Whether the SPEC §4 metrics can be computed against `objectGuess`, and if not, why; `box` is the
   * crop they would use (columns `col0…col0+width−1`, rows likewise), as `@ptychojs/metrics` computes it.
   */
  readonly evaluation: { readonly possible: boolean; readonly reason?: string; readonly box?: { readonly col0: number; readonly row0: number; readonly width: number; readonly height: number } };
  readonly stats: ScanStats;
}

// Thresholds, each justified where it is used.
/** A median step below this many pixels is no scan: positions are in another unit (metres). */
const MIN_STEP_PX = 0.05;
/** Positions closer than this (pixels) illuminate the same spot: duplicates. */
const DUPLICATE_PX = 0.01;
/** Pattern totals beyond this factor from the median are outliers (beam loss, saturation, dropped frames). */
const OUTLIER_FACTOR = 10;
/** Measured dose and a stated nphotons disagreeing by more than this factor are reported. */
const DOSE_FACTOR = 2;
/** A gap's neighbouring rows/columns must carry at least this fraction of the brightest row's energy. */
const GAP_SIGNAL = 1e-3;
/**
 * A pixel holding one value in every pattern that is this many times its brightest neighbour's
 * largest value is a hot pixel: diffraction is smooth on the pixel scale (the probe fits in N/2,
 * so the far field is oversampled 2×), and one count of shot noise alone makes real pixels vary.
 */
const HOT_FACTOR = 10;
/** Patterns needed before "the same value in every pattern" says something about a pixel. */
const MIN_PATTERNS_CONSTANT = 3;

const GROUPING_COMMANDS: readonly ScanCommand[] = ['inspect', 'train', 'infer', 'run'];
const DIFFRACTION_COMMANDS: readonly ScanCommand[] = ['inspect', 'train', 'infer', 'run', 'epie'];
const EVALUATING_COMMANDS: readonly ScanCommand[] = ['inspect', 'run', 'evaluate'];

/**
 * Decide whether a scan is usable for a command with its settings, and what looks physically
 * implausible — the one place that decides, so `inspect` reports exactly what `run` refuses.
 * Pure and browser-safe. Takes a `RawData` that passed `checkRawData` (@ptychojs/io; contract
 * problems — keys, ranks, dtypes, NaN, aliases — are that function's) or a partial scan for
 * `simulate`/`evaluate` (see {@link ScanToAssess}).
 *
 * Problems (the command must refuse, exit 2): no positions; non-finite positions; x/y lengths
 * differ; for grouping commands gridsize/K not integers ≥ 1, K < C − 1, C = gridsize² > M; for
 * commands that read diffraction, diffraction absent, non-finite, negative or all zero (SPEC §3
 * normalization divides by its energy); for `evaluate` no objectGuess or an evaluation crop
 * (scan box ∩ object, SPEC §4) under `minEvaluationBox`; for `simulate` no object, or scan
 * positions outside it.
 *
 * Warnings (plausibility; each with a fix): diffraction holding only integers (counts, not
 * amplitudes), unless the reading was stated; integers read as counts by default (from their
 * dtype), saying so and how to state it; median step < 0.05 px or extent < 1 px (positions not in pixels); median step > N/2
 * (no overlap possible: the probe fits in N/2 for the 2× oversampling of the far-field model);
 * duplicate positions; all-zero patterns; pattern totals 10× off the median; rows/columns constant
 * across all patterns inside the signal (detector gaps); measured dose a factor 2 off `nphotons` or
 * `_metadata.nphotons`; `_metadata.nphotons` ≠ `nphotons`; start positions far from the positions;
 * positions outside objectGuess; patches crossing the object's edge (simulate); K beyond the other
 * positions; metrics unavailable for `run`/`inspect` (crop too small).
 *
 * A finding that makes others meaningless suppresses them (all-zero diffraction: no counts, dose or
 * gap warnings; counts-like data: dose and outliers judged as counts; sub-pixel scan: no duplicate
 * or overlap warnings), so no message follows falsely from another.
 *
 * @shape scan.xcoords (M,) pixels
 * @shape scan.diff3d (M, N, N) amplitude
 */
export function assessScan(scan: ScanToAssess | RawData | ScanData, settings: AssessScanSettings): ScanAssessment {
  const file = scan.source;
  const { command } = settings;
  const problems: ScanIssue[] = [];
  const warnings: ScanIssue[] = [];
  const issue = (code: ScanIssueCode, key: string, what: string, expected: string, actual: string, fix: string): ScanIssue =>
    ({ code, key, file, expected, actual, fix, message: formatInputError(what, { file, key, expected, actual }) });
  const problem = (...a: Parameters<typeof issue>): void => { problems.push(issue(...a)); };
  const warn = (...a: Parameters<typeof issue>): void => { warnings.push(issue(...a)); };

  const xs = scan.xcoords, ys = scan.ycoords;
  const M = xs.length, N = scan.N;
  const dKey = scan.diffractionKey ?? 'diff3d';
  const dtypeOf = (key: string): string => scan.storedDtypes?.[key] ?? '';
  let evaluation: ScanAssessment['evaluation'] = { possible: false, reason: 'no objectGuess (no ground truth to score against)' };
  const stats: { -readonly [K in keyof ScanStats]: ScanStats[K] } = { M, N };
  const finish = (): ScanAssessment => {
    if (settings.strict) {
      for (const w of warnings) problems.push({ ...w, message: `${w.message} (strict: warnings are errors)` });
      warnings.length = 0;
    }
    return { problems, warnings, evaluation, stats };
  };

  // --- positions ---------------------------------------------------------------------------------
  if (M === 0) {
    problem('no-positions', 'xcoords', 'no scan positions (M = 0)', '(M,) with M ≥ 1', '(0,)', 'the file holds no scan: check that the acquisition wrote its positions and patterns');
    return finish();
  }
  if (ys.length !== M) {
    problem('coordinate-length-mismatch', 'ycoords', 'x and y coordinates differ in length', `(${M},) like xcoords`, `(${ys.length},)`, 'write one x and one y per scan position');
    return finish();
  }
  let bad = 0, firstBad = -1;
  for (let i = 0; i < M; i++) if (!Number.isFinite(xs[i]!) || !Number.isFinite(ys[i]!)) { if (bad++ === 0) firstBad = i; }
  const positionsOk = bad === 0;
  if (!positionsOk) {
    problem('positions-not-finite', Number.isFinite(xs[firstBad]!) ? 'ycoords' : 'xcoords', `${bad} scan position${bad > 1 ? 's are' : ' is'} NaN/Inf, first at index ${firstBad}`, 'finite positions in pixels', `(${xs[firstBad]}, ${ys[firstBad]})`, 'drop the positions (and their patterns) that the encoder did not record');
  }

  let unitsSuspect = false, coincide = false;
  if (positionsOk) {
    let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
    for (let i = 0; i < M; i++) {
      const x = xs[i]!, y = ys[i]!;
      if (x < xmin) xmin = x; if (x > xmax) xmax = x;
      if (y < ymin) ymin = y; if (y > ymax) ymax = y;
    }
    stats.extent = { xmin, xmax, ymin, ymax };
    if (M >= 2) {
      const nn = knnAll(xs, ys, 1, { excludeSelf: true });
      const dist = new Float64Array(M);
      for (let i = 0; i < M; i++) { const j = nn[i]!; dist[i] = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!); }
      const step = median(dist);
      stats.medianStep = step;
      const span = Math.max(xmax - xmin, ymax - ymin);
      if (span === 0) {
        coincide = true;
        warn('duplicate-positions', 'xcoords', `all ${M} scan positions are the same point (${fmt(xmin)}, ${fmt(ymin)})`, 'distinct scan positions', `${M} identical`,
          'the stage did not move (or its positions were not recorded): check the position export');
      } else if (step < MIN_STEP_PX || span < 1) {
        unitsSuspect = true;
        const px = metadataPixelSize(scan.metadata);
        const what = span < 1
          ? `scan positions span ${fmt(span)} px with a median step of ${fmt(step)} px: the whole scan narrower than a pixel, so not pixel units (metres?)`
          : `neighbouring scan positions are a median ${fmt(step)} px apart (the scan spans ${fmt(span)} px): steps below ${MIN_STEP_PX} px are not pixel units (metres?) or repeated positions`;
        warn('positions-units', 'xcoords', what,
          `positions in pixels of the object frame, step ≥ ${MIN_STEP_PX} px`, `x ${fmt(xmin)} … ${fmt(xmax)}, y ${fmt(ymin)} … ${fmt(ymax)}`,
          `convert the positions to pixels: divide by the object pixel size${px ? ` (_metadata ${px.key} = ${px.value}: step would be ${fmt(step / px.value)} px)` : ' (metres per pixel)'}`);
      } else {
        if (step > N / 2) {
          warn('step-exceeds-probe', 'xcoords', `median step ${fmt(step)} px exceeds N/2 = ${N / 2} px: neighbouring illuminations cannot overlap`,
            `a step below the probe diameter (≤ N/2 = ${N / 2} px at 2× oversampling)`, `${fmt(step)} px`,
            'check the position units (nanometres or microns instead of pixels?) or rescan with overlap; ptychography needs overlapping illuminations');
        }
        let dup = 0, di = -1;
        for (let i = 0; i < M; i++) if (dist[i]! <= DUPLICATE_PX) { if (dup++ === 0) di = i; }
        if (dup > 0) {
          const dj = nn[di]!;
          warn('duplicate-positions', 'xcoords', `${dup} position${dup > 1 ? 's coincide' : ' coincides'} with another (within ${DUPLICATE_PX} px), first ${di} and ${dj} at (${fmt(xs[di]!)}, ${fmt(ys[di]!)})`,
            'distinct scan positions', `${dup} duplicated`, 'remove repeated frames (a stalled motor or a double trigger) or average their patterns');
        }
      }
    }
    const xS = scan.xcoordsStart, yS = scan.ycoordsStart;
    if (xS && yS && xS !== xs && xS.length === M && yS.length === M) {
      let worst = 0, wi = -1;
      for (let i = 0; i < M; i++) {
        const d = Math.hypot(xS[i]! - xs[i]!, yS[i]! - ys[i]!);
        if (d > worst || Number.isNaN(d)) { worst = d; wi = i; }
      }
      if (!(worst <= N / 4)) {
        warn('start-positions-differ', 'xcoords_start', `true positions (xcoords_start, ycoords_start) differ from the positions by up to ${fmt(worst)} px (index ${wi})`,
          `within N/4 = ${N / 4} px of (xcoords, ycoords)`, `(${fmt(xS[wi]!)}, ${fmt(yS[wi]!)}) vs (${fmt(xs[wi]!)}, ${fmt(ys[wi]!)})`,
          'write both in the same units and frame (pixels of the object), or drop the _start keys');
      }
    }
  }

  // --- grouping ----------------------------------------------------------------------------------
  if (GROUPING_COMMANDS.includes(command)) {
    const gridsize = settings.gridsize ?? 2, K = settings.K ?? 6;
    let settingsOk = true;
    for (const [key, v] of [['gridsize', gridsize], ['K', K]] as const) {
      if (!Number.isInteger(v) || v < 1) {
        settingsOk = false;
        problem('bad-setting', key, `${key} must be an integer ≥ 1`, 'integer ≥ 1', String(v), `set ${key} to a positive integer`);
      }
    }
    if (settingsOk) {
      const C = gridsize * gridsize;
      if (C > 1 && K < C - 1) {
        problem('bad-setting', 'K', `K nearest neighbours must cover the C − 1 = ${C - 1} other members of a gridsize-${gridsize} group`, `K ≥ ${C - 1}`, String(K), `set K ≥ ${C - 1} or a smaller gridsize`);
      } else if (C > M) {
        problem('too-few-positions', 'xcoords', `gridsize ${gridsize} groups C = ${C} positions but the scan has ${M}`, `M ≥ gridsize² = ${C}`, `M = ${M}`,
          M >= 1 ? `use gridsize ${Math.floor(Math.sqrt(M))} (C = ${Math.floor(Math.sqrt(M)) ** 2} ≤ M), or a scan with more positions` : 'use a scan with positions');
      } else if (C > 1 && K > M - 1) {
        warn('small-neighbour-pool', 'K', `K = ${K} nearest neighbours asked but only ${M - 1} other positions exist; groups draw from all of them`, `K ≤ M − 1 = ${M - 1}`, String(K), `set K ≤ ${M - 1} to make the choice explicit`);
      }
    }
  }

  // --- diffraction -------------------------------------------------------------------------------
  let ds: DiffractionStats | undefined;
  let countsLike = false;
  const flags = detectorFlagValues(dtypeOf(dKey), settings.diffraction?.kind ?? 'amplitude');
  const needsDiffraction = DIFFRACTION_COMMANDS.includes(command);
  const given = 'diffractionStats' in scan && scan.diffractionStats ? scan.diffractionStats : undefined;
  const d = needsDiffraction && !given ? scan.diff3d : undefined;
  if (needsDiffraction && !given && d === undefined) {
    problem('diffraction-missing', 'diff3d', 'no diffraction patterns', `diff3d (${M}, N, N) amplitude`, 'absent', `add the measured patterns as 'diff3d'`);
  } else if (d !== undefined && d.length !== M * N * N) {
    problem('diffraction-missing', dKey, 'diffraction size does not match M positions of N×N', `(${M}, ${N}, ${N}) = ${M * N * N} values`, `${d.length} values`, 'write one N×N pattern per position');
  } else if (needsDiffraction) {
    ds = given ?? diffractionStats(d!, M, N, new Set(flags.keys()));
    const shape = [M, N, N];
    if (ds.nonFinite > 0) {
      problem('diffraction-not-finite', dKey, `${ds.nonFinite} NaN/Inf value${ds.nonFinite > 1 ? 's' : ''}, first at ${indexText(ds.firstNonFinite, shape)}`, 'finite amplitudes', `${ds.nonFinite} non-finite`, 'replace masked or saturated pixels by a finite estimate (or drop those patterns)');
    }
    if (ds.negative > 0) {
      problem('diffraction-negative', dKey, `${ds.negative} negative amplitude${ds.negative > 1 ? 's' : ''}, first at ${indexText(ds.firstNegative, shape)}`, 'amplitudes ≥ 0 (sqrt of counts)', `${ds.negative} negative`, 'clip background-subtracted data at 0 before writing amplitudes');
    }
    const usable = ds.nonFinite === 0 && ds.negative === 0;
    if (usable && ds.min === ds.max) {
      // One value throughout (zero, or a flag value): no diffraction at all; nothing else about it means anything.
      problems.push(uniformDiffractionProblem({ file, key: dKey, M, ...(ds.frameIndex ? { patternsRead: ds.patterns } : {}) }, ds.max, dtypeOf(dKey), settings.diffraction?.kind ?? 'amplitude'));
    } else if (usable) {
      assessDiffraction(ds);
    }
  }

  function assessDiffraction(s: DiffractionStats): void {
    const stored = dtypeOf(dKey);
    const reading = settings.diffraction ?? { kind: 'amplitude', stated: false };
    // Amplitudes sqrt(counts) holding only integers ≥ 2 would need every count to be a perfect
    // square; raw detector counts are integers. (Values of only 0 and 1 read the same either way.)
    // A reading the user stated is not second-guessed.
    const P = s.patterns;
    /** The frame index of pattern p of the statistics (a sample's patterns are not frames 0…P−1). */
    const frame = (p: number): number => s.frameIndex?.[p] ?? p;
    const ofAll = s.frameIndex ? `${P} sampled` : `${M}`;
    const every = s.frameIndex ? 'every sampled pattern' : 'every pattern';
    // Pixels that are no measurement: one value in every pattern and a detector's flag value or
    // far brighter than their neighbours, or constant lines inside the signal (module gaps).
    // (When every pattern is the same, every pixel is constant: that is the finding, not gaps.)
    const NN = N * N;
    const identical = P >= 2 && s.maskedPixels === 0 && s.constantPixels.every((c) => c === 1);
    const flagged = new Uint8Array(NN);
    const hotLike = new Uint8Array(NN);
    if (!identical) {
      for (let p = 0; P >= 2 && p < NN; p++) {
        if (!s.constantPixels[p]) continue;
        const v = s.firstFrame[p]!;
        if (flags.has(v)) flagged[p] = 1;
        else if (P >= MIN_PATTERNS_CONSTANT && v > 0 && v > HOT_FACTOR * neighbourMax(s.pixelMax, p, N)) { flagged[p] = 1; hotLike[p] = 1; }
      }
      for (const [a, b] of darkLines(s.constantRows, s.rowEnergy)) for (let i = a; i <= b; i++) flagged.fill(1, i * N, (i + 1) * N);
      for (const [a, b] of darkLines(s.constantCols, s.colEnergy)) for (let j = a; j <= b; j++) for (let i = 0; i < N; i++) flagged[i * N + j] = 1;
    }
    const where = describeFlaggedPixels(flagged, N);
    // Their values are the same in every pattern: what they add to each pattern's totals is one number.
    let gapSum = 0, gapEnergy = 0, gapQuartic = 0, excluded = 0, maxOutside = 0;
    for (let p = 0; p < NN; p++) {
      if (flagged[p]) {
        const v = s.firstFrame[p]!;
        if (v !== 0) excluded++;
        gapSum += v; gapEnergy += v * v; gapQuartic += v ** 4;
      } else if (s.pixelMax[p]! > maxOutside) maxOutside = s.pixelMax[p]!;
    }
    const sum = s.sum.map((v) => v - gapSum), energy = s.energy.map((v) => v - gapEnergy), sum4 = s.sum4.map((v) => v - gapQuartic);
    if (excluded > 0) stats.excludedPixels = excluded;
    const leftOut = excluded > 0 ? ` (without the ${excluded} flagged pixels)` : '';

    // Amplitudes sqrt(counts) holding only integers ≥ 2 would need every count to be a perfect
    // square; raw detector counts are integers. (Values of only 0 and 1 read the same either way.)
    // A reading the user stated is not second-guessed.
    countsLike = reading.kind === 'amplitude' && !reading.stated && s.allInteger && maxOutside >= 2;
    const perPattern = countsLike ? sum : energy;
    const nonZero = Array.from(perPattern).filter((v) => v > 0);
    const med = median(nonZero);
    let min = Infinity, max = -Infinity, total = 0;
    for (const v of perPattern) { if (v < min) min = v; if (v > max) max = v; total += v; }
    stats.countsPerPattern = { min, median: median(perPattern), max };
    stats.meanCounts = total / P;
    const np = statedNphotons();
    const says = np ? ` (${np.key} says ${fmt(np.value)})` : '';
    if (countsLike) {
      const asAmplitude = median(energy);
      warn('diffraction-looks-like-counts', dKey, `every value is an integer (max ${fmt(maxOutside)}${excluded > 0 ? ' outside the flagged pixels' : ''}${stored ? `, stored as ${stored}` : ''}): these look like raw detector counts, not amplitudes sqrt(counts)`,
        'amplitude = sqrt(counts) (SPEC §3), float', `read as amplitudes, ${fmt(asAmplitude)} counts per pattern${leftOut}; read as counts, ${fmt(med)}${says}`,
        `if these are counts, read them as counts (--diffraction counts; checkRawData option diffraction: 'counts') or write sqrt(counts) as diff3d (countsToAmplitude in @ptychojs/io); if they really are amplitudes, say so with --diffraction amplitude`);
    } else if (reading.kind === 'counts' && !reading.stated) {
      // Read as counts because of an integer dtype: say so, with the other reading's dose
      // (as amplitudes, a pattern's counts would be Σ value² = Σ amplitude⁴ here).
      warn('diffraction-read-as-counts', dKey, `stored as ${stored || 'integers'}: read as detector counts, amplitude = sqrt(counts)`,
        'float amplitudes sqrt(counts) (SPEC §3), or the reading stated', `read as counts, ${fmt(med)} counts per pattern${leftOut}; read as amplitudes, ${fmt(median(sum4))}${says}`,
        'if these are counts, say so with --diffraction counts (checkRawData option diffraction: \'counts\'); if they are amplitudes, --diffraction amplitude');
    }
    const zero = perPattern.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
    if (zero > 0) {
      const first = perPattern.findIndex((v) => v === 0);
      warn('empty-patterns', dKey, `${zero} of ${ofAll} patterns are entirely zero, first at index ${frame(first)}`, 'every pattern recorded photons', `${zero} empty`,
        'drop the empty frames and their positions (beam off, shutter closed, dropped frames); they train the model towards a dark object');
    }
    if (nonZero.length >= 3 && med > 0) {
      let hi = 0, lo = 0, first = -1;
      for (let m = 0; m < P; m++) {
        const v = perPattern[m]!;
        if (v === 0) continue;
        const out = v > OUTLIER_FACTOR * med ? 'hi' : v < med / OUTLIER_FACTOR ? 'lo' : '';
        if (out === 'hi') hi++; else if (out === 'lo') lo++;
        if (out && first < 0) first = m;
      }
      if (hi + lo > 0) {
        warn('outlier-patterns', dKey, `${hi + lo} pattern${hi + lo > 1 ? 's have' : ' has'} a total more than ${OUTLIER_FACTOR}× from the median ${fmt(med)} counts (${hi} above, ${lo} below), first at index ${frame(first)} (${fmt(perPattern[first]!)})`,
          `totals within ${OUTLIER_FACTOR}× of the median`, `${hi} bright, ${lo} faint`, 'check those frames for beam loss, saturation or a wrong exposure time; drop or rescale them');
      }
    }
    if (where.columns.length + where.rows.length > 0) {
      const lines = [...where.columns.map((r) => lineText(r, 'column', s.firstFrame)), ...where.rows.map((r) => lineText(r, 'row', s.firstFrame))].join('; ');
      warn('detector-gaps', dKey, `${lines} in ${every}: detector module gaps or dead lines, not measurements`,
        'measured values in every pixel', `the same value in all ${ofAll} patterns${excluded > 0 ? ' (left out of the counts per pattern)' : ''}`,
        `${MASKING_ADVICE}; until then the Poisson likelihood fits them as if measured`);
    }
    if (where.pixels.length > 0) {
      const shown = where.pixels.slice(0, 5).map(([i, j]) => `(${i}, ${j}) = ${valueText(s.firstFrame[i * N + j]!)}`).join(', ');
      const more = where.pixels.length > 5 ? ` and ${where.pixels.length - 5} more` : '';
      const hot = where.pixels.filter(([i, j]) => hotLike[i * N + j]).length;
      const why = hot === where.pixels.length ? `over ${HOT_FACTOR}× the brightest neighbour` : hot === 0 ? "a detector's flag value" : `a detector's flag value or over ${HOT_FACTOR}× the brightest neighbour`;
      warn('hot-pixels', dKey, `${where.pixels.length} pixel${where.pixels.length > 1 ? 's hold' : ' holds'} the same value in ${every}, ${why}: hot or flagged pixels, not measurements`,
        'measured values in every pixel', `(row, column) ${shown}${more}; left out of the counts per pattern`, MASKING_ADVICE);
    }
    if (identical) {
      warn('identical-patterns', dKey, `all ${ofAll} patterns are identical, bit for bit`, 'patterns that change with the scan position', `${P} copies of pattern ${frame(0)}`,
        'check the detector export (a stale frame buffer written for every position) or that the stage moved; ptychography needs patterns that change with position');
    }
    // A saturated value is the ceiling of the data: a float file whose values pass an integer
    // type's maximum merely holds that number somewhere (one Poisson draw of 32767 counts at 10⁹).
    let saturated = 0, satPixels = 0, worst = -1;
    for (let p = 0; p < NN; p++) {
      const c = s.flagCount[p]!;
      if (c === 0 || flagged[p] || s.flagValue[p]! < s.max) continue;
      saturated += c; satPixels++;
      if (worst < 0 || c > s.flagCount[worst]!) worst = p;
    }
    if (saturated > 0) {
      const v = s.flagValue[worst]!;
      warn('saturated-pixels', dKey, `${saturated} value${saturated > 1 ? 's' : ''} in ${satPixels} pixel${satPixels > 1 ? 's' : ''} equal ${valueText(v)}, most often at (row, column) (${Math.floor(worst / N)}, ${worst % N}) (${s.flagCount[worst]} of ${ofAll} patterns): saturated, or flagged by the detector`,
        `values below ${flags.get(v)}`, `${saturated} at that value`,
        `if saturated, those counts are lower bounds (the true intensity was higher): ${MASKING_ADVICE}; next time reduce the exposure or attenuate the central beam`);
    }
    // Dose (SPEC §3: nphotons = mean counts per pattern).
    const measured = stats.meanCounts;
    for (const np of [settingsNphotons(), metadataNphotons()]) {
      if (!np) continue;
      const r = measured / np.value;
      if (!(r <= DOSE_FACTOR && r >= 1 / DOSE_FACTOR)) {
        warn('dose-mismatch', np.key, `the data hold ${fmt(measured)} counts per pattern on average${countsLike ? ' (read as counts)' : ''} but ${np.key} = ${fmt(np.value)}`,
          `within ${DOSE_FACTOR}× of ${fmt(np.value)}`, `${fmt(measured)} (×${fmt(r)})`,
          np.key === '--nphotons' ? `set --nphotons ${fmt(measured)} (the measured dose), or check that diff3d is sqrt(counts)` : 'correct _metadata.nphotons or the diffraction scaling');
      }
    }
  }

  /**
   * Constant lines inside the signal: runs of rows (or columns) holding one value in every
   * pattern, at most N/4 wide, not touching the detector edge (dark high-q borders look the same),
   * with signal on both sides: at least GAP_SIGNAL of the brightest line that is not constant
   * (a constant line can be a flag value far above any measurement).
   */
  function darkLines(constant: Uint8Array, energy: Float64Array): [number, number][] {
    let brightest = 0;
    for (let a = 0; a < N; a++) if (!constant[a]) brightest = Math.max(brightest, energy[a]!);
    const out: [number, number][] = [];
    for (let a = 0; a < N;) {
      if (!constant[a]) { a++; continue; }
      let b = a;
      while (b + 1 < N && constant[b + 1]) b++;
      if (a > 0 && b < N - 1 && b - a + 1 <= N / 4 && Math.min(energy[a - 1]!, energy[b + 1]!) >= GAP_SIGNAL * brightest) out.push([a, b]);
      a = b + 1;
    }
    return out;
  }

  /** `columns 30…31 = 65535 (the uint16 maximum)`: a run of flagged lines and its value when they share one. */
  function lineText([a, b]: readonly [number, number], what: 'row' | 'column', first: Float32Array): string {
    const at = (k: number, l: number) => (what === 'row' ? first[k * N + l]! : first[l * N + k]!);
    const v = at(a, 0);
    let same = true;
    for (let k = a; k <= b && same; k++) for (let l = 0; l < N; l++) if (at(k, l) !== v) { same = false; break; }
    return `${what}${b > a ? `s ${a}…${b}` : ` ${a}`}${same ? ` = ${valueText(v)}` : ''}`;
  }

  /** A diffraction value as the file holds it (counts read as counts are squared back), saying what it is when it is a detector's flag value. */
  function valueText(v: number): string {
    return flags.get(v) ?? fmt(settings.diffraction?.kind === 'counts' ? v * v : v);
  }

  // --- settings and metadata ---------------------------------------------------------------------
  function settingsNphotons(): { key: string; value: number } | undefined {
    const v = settings.nphotons;
    return typeof v === 'number' && v > 0 && Number.isFinite(v) ? { key: '--nphotons', value: v } : undefined;
  }
  function metadataNphotons(): { key: string; value: number } | undefined {
    const v = scan.metadata?.nphotons;
    return typeof v === 'number' && v > 0 && Number.isFinite(v) ? { key: '_metadata.nphotons', value: v } : undefined;
  }
  function statedNphotons(): { key: string; value: number } | undefined {
    return settingsNphotons() ?? metadataNphotons();
  }
  const sn = settingsNphotons(), mn = metadataNphotons();
  if (sn && mn && Math.abs(sn.value - mn.value) > 1e-6 * Math.max(sn.value, mn.value)) {
    warn('metadata-disagrees', '_metadata', `_metadata says nphotons = ${fmt(mn.value)} but the run uses ${fmt(sn.value)}`, `nphotons = ${fmt(mn.value)} (as recorded)`, `--nphotons ${fmt(sn.value)}`,
      `omit --nphotons to use the recorded value (or pass --nphotons ${mn.value}), or correct _metadata`);
  }

  // --- object: simulate and evaluation -----------------------------------------------------------
  const obj = scan.objectGuess;
  const objKey = command === 'simulate' ? 'object' : 'objectGuess';
  if (obj === undefined) {
    if (command === 'evaluate' || command === 'simulate') {
      problem('object-missing', objKey, command === 'simulate' ? 'no object to simulate from' : 'no ground truth to evaluate against', '(H, W) complex', 'absent', `provide the ${command === 'simulate' ? 'object' : 'objectGuess'}`);
    }
  } else if (positionsOk && obj.shape.length === 2) {
    const [H, W] = obj.shape as [number, number];
    let outside = 0, firstOut = -1, crossing = 0, firstCross = -1, swappedFit = true;
    for (let i = 0; i < M; i++) {
      const x = xs[i]!, y = ys[i]!;
      if (!(x >= 0 && x <= W - 1 && y >= 0 && y <= H - 1)) { if (outside++ === 0) firstOut = i; }
      // A patch at x reads columns floor(x) − N/2 … ceil(x) + N/2 − 1 (SPEC §3; the bilinear
      // neighbour only when x is fractional), so it is inside for N/2 ≤ x ≤ W − N/2 — the range the
      // simulator's scanBounds lays scans in.
      if (!(x - N / 2 >= 0 && x + N / 2 <= W && y - N / 2 >= 0 && y + N / 2 <= H)) { if (crossing++ === 0) firstCross = i; }
      if (!(y >= 0 && y <= W - 1 && x >= 0 && x <= H - 1)) swappedFit = false;
    }
    const simulating = command === 'simulate';
    if (outside > 0) {
      const hint = swappedFit && H !== W ? ' (they all fit with x and y swapped: x is the column, y the row, SPEC §3)'
        : stats.extent && stats.extent.xmin < 0 && stats.extent.ymin < 0 ? ' (negative positions: centred on the scan? the object frame starts at its top-left pixel)' : '';
      const say = simulating ? problem : warn;
      say('positions-outside-object', 'xcoords', `${outside} of ${M} scan positions lie outside the ${H}×${W} ${objKey}${hint}, first ${firstOut} at (${fmt(xs[firstOut]!)}, ${fmt(ys[firstOut]!)})`,
        `0 ≤ x ≤ ${W - 1}, 0 ≤ y ≤ ${H - 1} (pixels of ${objKey})`, `x ${fmt(stats.extent!.xmin)} … ${fmt(stats.extent!.xmax)}, y ${fmt(stats.extent!.ymin)} … ${fmt(stats.extent!.ymax)}`,
        simulating ? 'place the scan inside the object (positions are pixel coordinates of the object)' : 'positions and objectGuess must share one pixel frame: shift/scale the positions or pad the object; ground-truth patches and metrics use only the overlap');
    } else if (simulating && crossing > 0) {
      warn('patches-cross-object-edge', 'xcoords', `${crossing} of ${M} N×N patches reach past the ${H}×${W} object, first at position ${firstCross} (${fmt(xs[firstCross]!)}, ${fmt(ys[firstCross]!)}); the object is zero outside (SPEC §3)`,
        `N/2 ≤ x ≤ ${W - N / 2}, N/2 ≤ y ≤ ${H - N / 2}`, `x ${fmt(stats.extent!.xmin)} … ${fmt(stats.extent!.xmax)}, y ${fmt(stats.extent!.ymin)} … ${fmt(stats.extent!.ymax)}`,
        `pad the object by N/2 = ${N / 2} px or keep the scan ${N / 2} px from its edge`);
    }
    // Computed for every command (what scoring the result would need); refused or warned only where metrics are made.
    // The crop of @ptychojs/metrics placeAndCrop: columns ceil(xmin)…floor(xmax) ∩ the object.
    const e = stats.extent!;
    const c0 = Math.max(Math.ceil(e.xmin), 0), c1 = Math.min(Math.floor(e.xmax), W - 1);
    const r0 = Math.max(Math.ceil(e.ymin), 0), r1 = Math.min(Math.floor(e.ymax), H - 1);
    const width = Math.max(0, c1 - c0 + 1), height = Math.max(0, r1 - r0 + 1);
    const min = settings.minEvaluationBox ?? 11;
    const box = { col0: c0, row0: r0, width, height };
    if (width >= min && height >= min) evaluation = { possible: true, box };
    else {
      // When a position finding explains the small crop, it carries the fix; a second warning
      // ("scan a larger area") would be a false follow-on, so only `evaluate` (which must refuse) adds one.
      const cause = outside > 0 ? 'the scan positions lie outside objectGuess' : unitsSuspect ? 'the positions are not in pixels' : coincide ? 'all positions coincide' : undefined;
      const reason = `the scan box inside objectGuess is ${width}×${height} px, smaller than the ${min}×${min} SSIM window (SPEC §4)${cause ? `: ${cause}` : ''}`;
      evaluation = { possible: false, reason, box };
      const fix = cause ? `fix the positions first (${cause}; see the warning about them)` : 'scan a larger area (the box spanned by the positions is what is scored), or skip evaluation';
      const args = ['objectGuess', `the metrics crop (scan box ∩ objectGuess) is ${width}×${height} px: too small to score`, `at least ${min}×${min} px`, `${width}×${height} px`, fix] as const;
      if (command === 'evaluate') problem('evaluation-box-too-small', ...args);
      else if (!cause && EVALUATING_COMMANDS.includes(command)) warn('metrics-unavailable', ...args);
    }
  } else if (!positionsOk) {
    evaluation = { possible: false, reason: 'scan positions are not finite' };
  }
  return finish();
}

/** `(m, i, j)` text of flat C index `k` in `shape`. */
function indexText(k: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]!); k = Math.floor(k / shape[d]!); }
  return `(${idx.join(', ')})`;
}

/** Largest of the eight neighbours' values (pixels outside the detector, or masked, count as 0). */
function neighbourMax(pixelMax: Float64Array, p: number, N: number): number {
  const i = Math.floor(p / N), j = p % N;
  let m = 0;
  for (let di = -1; di <= 1; di++) {
    for (let dj = -1; dj <= 1; dj++) {
      const a = i + di, b = j + dj;
      if ((di || dj) && a >= 0 && a < N && b >= 0 && b < N) m = Math.max(m, pixelMax[a * N + b]!);
    }
  }
  return m;
}
