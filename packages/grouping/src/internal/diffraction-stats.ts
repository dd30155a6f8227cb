/**
 * One pass over the diffraction stack for the plausibility checks of `assessScan`.
 *
 * @shape d (M, N, N) float32 amplitude (or counts, when the file holds counts)
 */
export interface DiffractionStats {
  /** Count of NaN/±Inf values and the flat index of the first (−1 when none). */
  readonly nonFinite: number;
  readonly firstNonFinite: number;
  /** Count of negative values and the flat index of the first (−1 when none). */
  readonly negative: number;
  readonly firstNegative: number;
  /** Largest and smallest finite value. */
  readonly max: number;
  readonly min: number;
  /** Every finite value is an integer. */
  readonly allInteger: boolean;
  /** @shape (M,) Σ_ij d² per pattern: the counts per pattern when d is an amplitude (SPEC §3). */
  readonly energy: Float64Array;
  /** @shape (M,) Σ_ij d per pattern: the counts per pattern when d holds counts. */
  readonly sum: Float64Array;
  /** @shape (N,) rows (i) whose every value, in every pattern, equals one constant (1) or not (0). */
  readonly constantRows: Uint8Array;
  /** @shape (N,) same for columns (j). */
  readonly constantCols: Uint8Array;
  /** @shape (N,) Σ_m Σ_j d² / M: mean energy per pattern in each row. */
  readonly rowEnergy: Float64Array;
  /** @shape (N,) Σ_m Σ_i d² / M per column. */
  readonly colEnergy: Float64Array;
  /** @shape (N, N) pixels whose value is the same (bit for bit) in every pattern (1) or not (0). */
  readonly constantPixels: Uint8Array;
  /** @shape (N, N) largest value of each pixel over the patterns. */
  readonly pixelMax: Float64Array;
  /** Values equal to one of the `sentinels` (a detector's flag values), and the flat index of the first (−1 when none). */
  readonly sentinelValues: number;
  readonly firstSentinel: number;
  /** @shape (N, N) how many patterns hold a sentinel value in each pixel, and which value (the last seen). */
  readonly sentinelCount: Uint32Array;
  readonly sentinelValue: Float64Array;
}

/**
 * @internal Statistics of a diffraction stack in one pass (float64 accumulation).
 * @param sentinels values a detector writes for flagged pixels (an integer type's largest value, its square root)
 */
export function diffractionStats(d: ArrayLike<number>, M: number, N: number, sentinels: ReadonlySet<number> = new Set()): DiffractionStats {
  const NN = N * N;
  const energy = new Float64Array(M), sum = new Float64Array(M);
  const constantRows = new Uint8Array(N).fill(1), constantCols = new Uint8Array(N).fill(1);
  const rowValue = new Float64Array(N), colValue = new Float64Array(N);
  const rowEnergy = new Float64Array(N), colEnergy = new Float64Array(N);
  const constantPixels = new Uint8Array(NN).fill(1);
  const pixelMax = new Float64Array(NN).fill(-Infinity);
  const sentinelCount = new Uint32Array(NN);
  const sentinelValue = new Float64Array(NN);
  let minSentinel = Infinity;
  for (const s of sentinels) minSentinel = Math.min(minSentinel, s);
  for (let i = 0; i < N; i++) rowValue[i] = d[i * N]!;
  for (let j = 0; j < N; j++) colValue[j] = d[j]!;
  let nonFinite = 0, firstNonFinite = -1, negative = 0, firstNegative = -1, max = -Infinity, min = Infinity, allInteger = true;
  let sentinelValues = 0, firstSentinel = -1;
  for (let m = 0; m < M; m++) {
    let e = 0, s = 0;
    for (let i = 0; i < N; i++) {
      const row = m * NN + i * N;
      let re = 0;
      for (let j = 0; j < N; j++) {
        const k = row + j, p = i * N + j, v = d[k]!, first = d[p]!;
        if (v !== first && !(Number.isNaN(v) && Number.isNaN(first))) constantPixels[p] = 0;
        if (!Number.isFinite(v)) { if (nonFinite++ === 0) firstNonFinite = k; continue; }
        if (v < 0 && negative++ === 0) firstNegative = k;
        if (v > max) max = v;
        if (v < min) min = v;
        if (v > pixelMax[p]!) pixelMax[p] = v;
        if (v >= minSentinel && sentinels.has(v)) { if (sentinelValues++ === 0) firstSentinel = k; sentinelCount[p]!++; sentinelValue[p] = v; }
        if (allInteger && v !== Math.round(v)) allInteger = false;
        const v2 = v * v;
        re += v2; s += v;
        colEnergy[j]! += v2;
        if (v !== rowValue[i]) constantRows[i] = 0;
        if (v !== colValue[j]) constantCols[j] = 0;
      }
      rowEnergy[i]! += re;
      e += re;
    }
    energy[m] = e; sum[m] = s;
  }
  for (let i = 0; i < N; i++) { rowEnergy[i]! /= Math.max(M, 1); colEnergy[i]! /= Math.max(M, 1); }
  return {
    nonFinite, firstNonFinite, negative, firstNegative, max, min, allInteger, energy, sum, constantRows, constantCols, rowEnergy, colEnergy,
    constantPixels, pixelMax, sentinelValues, firstSentinel, sentinelCount, sentinelValue,
  };
}
