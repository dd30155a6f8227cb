/**
 * Statistics of a diffraction stack gathered in one pass, frame chunk by frame chunk, for the
 * contract check (`checkRawData`: NaN/Inf, negatives) and the plausibility checks of `assessScan`
 * (@ptychojs/pipeline): memory is O(M + N) whatever the stack's size. Bad pixels (a mask) are
 * excluded from every statistic — not counted as zeros.
 */
export interface DiffractionStats {
  /** Patterns read: M, or the size of a sample (`frameIndex`). */
  readonly patterns: number;
  /** @shape (patterns,) the frame index of each pattern read, when a sample was read (else pattern p is frame p). */
  readonly frameIndex?: Int32Array;
  /** Count of NaN/±Inf stored values and the flat index (frame·N² + pixel) of the first (−1 when none). */
  readonly nonFinite: number;
  readonly firstNonFinite: number;
  /** Count of negative stored values, the flat index of the first (−1 when none) and its value. */
  readonly negative: number;
  readonly firstNegative: number;
  readonly firstNegativeValue: number;
  /** Largest finite amplitude. */
  readonly max: number;
  /** Every finite amplitude is an integer. */
  readonly allInteger: boolean;
  /** @shape (patterns,) Σ_ij a² per pattern: the counts per pattern (SPEC §3). */
  readonly energy: Float64Array;
  /** @shape (patterns,) Σ_ij a per pattern: the counts per pattern when a holds counts. */
  readonly sum: Float64Array;
  /** @shape (patterns,) Σ_ij a⁴ per pattern: the counts per pattern if the values were amplitudes of amplitudes. */
  readonly sum4: Float64Array;
  /** @shape (N,) rows (i) whose every measured value, in every pattern, equals one constant (1) or not (0). */
  readonly constantRows: Uint8Array;
  /** @shape (N,) same for columns (j). */
  readonly constantCols: Uint8Array;
  /** @shape (N,) rows / columns with no measured pixel at all (masked whole). */
  readonly maskedRows: Uint8Array;
  readonly maskedCols: Uint8Array;
  /** @shape (N,) Σ_m Σ_j a² / patterns: mean energy per pattern in each row. */
  readonly rowEnergy: Float64Array;
  /** @shape (N,) Σ_m Σ_i a² / patterns per column. */
  readonly colEnergy: Float64Array;
  /** Pixels of the mask (excluded from everything above). */
  readonly maskedPixels: number;
  /** Smallest finite amplitude. */
  readonly min: number;
  /** @shape (N, N) the amplitudes of the first pattern read, float32 (0 where masked). */
  readonly firstFrame: Float32Array;
  /** @shape (N, N) pixels whose amplitude is the same in every pattern read (1), or not (0; masked pixels 0). */
  readonly constantPixels: Uint8Array;
  /** @shape (N, N) largest amplitude of each pixel over the patterns read. */
  readonly pixelMax: Float64Array;
  /** @shape (N, N) how many patterns hold one of `flagValues` in each pixel, and which (the last seen). */
  readonly flagCount: Uint32Array;
  readonly flagValue: Float64Array;
  /** @shape (N, N) how many patterns hold NaN/±Inf (negative) stored values in each pixel; absent when none. */
  readonly nonFinitePixels?: Uint32Array;
  readonly negativePixels?: Uint32Array;
}

/** Options of {@link diffractionStatsAccumulator}. */
export interface DiffractionStatsOptions {
  /** The values are counts: statistics are of their square root (the amplitude, SPEC §3). */
  readonly counts?: boolean;
  /** @shape (N, N) 1 where a pixel is not measured (excluded). */
  readonly badPixels?: Uint8Array;
  /** Frames will be added in a sample, not all M (so `frameIndex` is recorded). */
  readonly sample?: boolean;
  /**
   * Amplitudes a detector writes for pixels it did not measure or that saturated (an integer
   * type's largest value, its square root: `detectorFlagValues`): counted per pixel (`flagCount`).
   */
  readonly flagValues?: ReadonlySet<number>;
}

/** Adds frames to the statistics ({@link diffractionStatsAccumulator}). */
export interface DiffractionStatsAccumulator {
  /**
   * Add `count` frames of stored values (C order, N² each) whose first is frame `firstFrame`.
   * @shape values (count, N, N) float32, as stored (counts or amplitudes)
   */
  add(values: Float32Array, count: number, firstFrame: number): void;
  finish(): DiffractionStats;
}

/**
 * Statistics of an (M, N, N) diffraction stack accumulated chunk by chunk (float64 sums), so a
 * stack larger than memory is described in one streaming pass. NaN/Inf and negatives are counted
 * on the stored values; everything else on amplitudes (the square root of counts when `counts`).
 * Frames must be added in increasing frame order.
 */
export function diffractionStatsAccumulator(M: number, N: number, opts: DiffractionStatsOptions = {}): DiffractionStatsAccumulator {
  const NN = N * N;
  const counts = Boolean(opts.counts);
  const bad = opts.badPixels;
  let cap = opts.sample ? 1024 : M;
  let energy: Float64Array = new Float64Array(cap), sum: Float64Array = new Float64Array(cap), sum4: Float64Array = new Float64Array(cap);
  let frameIndex: Int32Array | undefined = opts.sample ? new Int32Array(cap) : undefined;
  const constantRows = new Uint8Array(N).fill(1), constantCols = new Uint8Array(N).fill(1);
  const maskedRows = new Uint8Array(N).fill(1), maskedCols = new Uint8Array(N).fill(1);
  const rowValue = new Float64Array(N).fill(NaN), colValue = new Float64Array(N).fill(NaN);
  const rowEnergy = new Float64Array(N), colEnergy = new Float64Array(N);
  let maskedPixels = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    if (bad && bad[i * N + j]) { maskedPixels++; continue; }
    maskedRows[i] = 0; maskedCols[j] = 0;
  }
  let nonFinite = 0, firstNonFinite = -1, negative = 0, firstNegative = -1, firstNegativeValue = NaN, max = -Infinity, allInteger = true;
  let patterns = 0;
  // Per pixel: the first pattern's amplitude, whether every pattern repeats it, the largest value,
  // and detector flag values. `pixLeft` counts pixels still constant, so the comparisons stop once
  // every pixel has varied (real data: within the second pattern).
  const firstFrame = new Float32Array(NN), constantPixels = new Uint8Array(NN).fill(1), pixelMax = new Float64Array(NN).fill(-Infinity);
  const flagCount = new Uint32Array(NN), flagValue = new Float64Array(NN);
  const flags = opts.flagValues ?? new Set<number>();
  let minFlag = Infinity;
  for (const f of flags) minFlag = Math.min(minFlag, f);
  let pixLeft = NN, min = Infinity;
  let nonFinitePixels: Uint32Array | undefined, negativePixels: Uint32Array | undefined;
  if (bad) for (let p = 0; p < NN; p++) if (bad[p]) { constantPixels[p] = 0; pixLeft--; }
  /** The per-pixel statistics of one pattern (finite, ≥ 0 values; masked pixels skipped). */
  const perPixel = (values: Float32Array, base: number, first: boolean): void => {
    for (let p = 0; p < NN; p++) {
      if (bad && bad[p]) continue;
      const raw = values[base + p]!;
      if (!(raw >= 0 && raw !== Infinity)) { if (constantPixels[p]) { constantPixels[p] = 0; pixLeft--; } continue; }
      const v = counts ? Math.sqrt(raw) : raw;
      if (v > pixelMax[p]!) pixelMax[p] = v;
      if (v < min) min = v;
      if (v >= minFlag && flags.has(v)) { flagCount[p]!++; flagValue[p] = v; }
      if (first) firstFrame[p] = v;
      else if (pixLeft > 0 && constantPixels[p] && Math.fround(v) !== firstFrame[p]) { constantPixels[p] = 0; pixLeft--; }
    }
  };
  const grow = (): void => {
    cap *= 2;
    const g = (a: Float64Array): Float64Array => { const b = new Float64Array(cap); b.set(a); return b; };
    energy = g(energy); sum = g(sum); sum4 = g(sum4);
    const fi = new Int32Array(cap); fi.set(frameIndex!); frameIndex = fi;
  };
  // rowValue/colValue start as the first measured value seen (NaN until then); `constLeft` counts
  // rows and columns still constant, so the comparisons stop once every line has varied.
  let constLeft = 2 * N;
  const slow = (values: Float32Array, base: number, frame: number): [number, number, number] => {
    let e = 0, s = 0, q = 0;
    for (let i = 0; i < N; i++) {
      let re = 0;
      for (let j = 0; j < N; j++) {
        const p = i * N + j;
        if (bad && bad[p]) continue;
        const raw = values[base + p]!;
        if (!Number.isFinite(raw)) { if (nonFinite++ === 0) firstNonFinite = frame * NN + p; (nonFinitePixels ??= new Uint32Array(NN))[p]!++; continue; }
        if (raw < 0) { if (negative++ === 0) { firstNegative = frame * NN + p; firstNegativeValue = raw; } (negativePixels ??= new Uint32Array(NN))[p]!++; continue; }
        const v = counts ? Math.sqrt(raw) : raw;
        if (v > max) max = v;
        if (allInteger && v !== Math.round(v)) allInteger = false;
        const v2 = v * v;
        re += v2; s += v; q += v2 * v2;
        colEnergy[j]! += v2;
        if (Number.isNaN(rowValue[i]!)) rowValue[i] = v; else if (v !== rowValue[i] && constantRows[i]) { constantRows[i] = 0; constLeft--; }
        if (Number.isNaN(colValue[j]!)) colValue[j] = v; else if (v !== colValue[j] && constantCols[j]) { constantCols[j] = 0; constLeft--; }
      }
      rowEnergy[i]! += re;
      e += re;
    }
    return [e, s, q];
  };
  /**
   * The common case, kept tight: no mask and every value finite and ≥ 0 (checked first, in a pass
   * of comparisons only; a frame that fails it goes to `slow`, which counts and locates the bad
   * values). The same statistics as `slow`, in row-wise sums.
   */
  const fast = (values: Float32Array, base: number): [number, number, number] | undefined => {
    for (let p = base, end = base + NN; p < end; p++) { const raw = values[p]!; if (!(raw >= 0 && raw !== Infinity)) return undefined; }
    let e = 0, s = 0, q = 0, mx = max, integer = allInteger;
    const checkConst = constLeft > 0;
    for (let i = 0; i < N; i++) {
      let re = 0, rs = 0, rq = 0;
      const row = base + i * N;
      for (let j = 0; j < N; j++) {
        const raw = values[row + j]!;
        const v = counts ? Math.sqrt(raw) : raw;
        if (v > mx) mx = v;
        const v2 = v * v;
        re += v2; rs += v; rq += v2 * v2;
        colEnergy[j]! += v2;
      }
      if (integer) for (let j = 0; j < N; j++) { const v = counts ? Math.sqrt(values[row + j]!) : values[row + j]!; if (v !== Math.round(v)) { integer = false; break; } }
      if (checkConst) {
        for (let j = 0; j < N; j++) {
          const v = counts ? Math.sqrt(values[row + j]!) : values[row + j]!;
          if (Number.isNaN(rowValue[i]!)) rowValue[i] = v; else if (constantRows[i] && v !== rowValue[i]) { constantRows[i] = 0; constLeft--; }
          if (Number.isNaN(colValue[j]!)) colValue[j] = v; else if (constantCols[j] && v !== colValue[j]) { constantCols[j] = 0; constLeft--; }
        }
      }
      rowEnergy[i]! += re;
      e += re; s += rs; q += rq;
    }
    max = mx; allInteger = integer;
    return [e, s, q];
  };
  return {
    add(values, count, firstFrame) {
      for (let f = 0; f < count; f++) {
        if (patterns === cap) grow();
        const frame = firstFrame + f;
        if (frameIndex) frameIndex[patterns] = frame;
        const base = f * NN;
        const r = (bad ? undefined : fast(values, base)) ?? slow(values, base, frame);
        perPixel(values, base, patterns === 0);
        energy[patterns] = r[0]; sum[patterns] = r[1]; sum4[patterns] = r[2];
        patterns++;
      }
    },
    finish() {
      const n = Math.max(patterns, 1);
      for (let i = 0; i < N; i++) { rowEnergy[i]! /= n; colEnergy[i]! /= n; }
      for (let i = 0; i < N; i++) { if (maskedRows[i]) constantRows[i] = 0; if (maskedCols[i]) constantCols[i] = 0; }
      return {
        patterns, ...(frameIndex ? { frameIndex: frameIndex.slice(0, patterns) } : {}),
        nonFinite, firstNonFinite, negative, firstNegative, firstNegativeValue, max, allInteger,
        energy: energy.subarray(0, patterns), sum: sum.subarray(0, patterns), sum4: sum4.subarray(0, patterns),
        constantRows, constantCols, maskedRows, maskedCols, rowEnergy, colEnergy, maskedPixels,
        min, firstFrame, constantPixels: patterns > 0 ? constantPixels : new Uint8Array(NN), pixelMax, flagCount, flagValue,
        ...(nonFinitePixels ? { nonFinitePixels } : {}), ...(negativePixels ? { negativePixels } : {}),
      };
    },
  };
}
