import { describeFlaggedPixels, type DiffractionStats, type FlaggedPixels } from '@ptychojs/io';

/**
 * A pixel holding one value in every pattern that is this many times its brightest neighbour's
 * largest value is a hot pixel: diffraction is smooth on the pixel scale (the probe fits in N/2,
 * so the far field is oversampled 2×), and one count of shot noise alone makes real pixels vary.
 */
export const HOT_FACTOR = 10;
/** Patterns needed before "the same value in every pattern" says something about a pixel. */
const MIN_PATTERNS_CONSTANT = 3;
/** A gap's neighbouring rows/columns must carry at least this fraction of the brightest row's energy. */
const GAP_SIGNAL = 1e-3;

/** The pixels of a stack that are no measurement ({@link unmeasuredPixels}). */
export interface UnmeasuredPixels {
  /** Every pattern is the same, bit for bit: that is the finding, and no pixel is flagged for it. */
  readonly identical: boolean;
  /** @shape (N, N) 1 where a pixel is no measurement (the same value in every pattern, and a flag value, hot, or on a dark line). */
  readonly flagged: Uint8Array;
  /** @shape (N, N) 1 where flagged for being over {@link HOT_FACTOR}× its brightest neighbour. */
  readonly hotLike: Uint8Array;
  /** Where the flagged pixels lie: whole rows and columns, and single pixels. */
  readonly where: FlaggedPixels;
}

/**
 * Pixels that are no measurement: one value in every pattern and a detector's flag value or far
 * brighter than their neighbours (hot), or constant lines inside the signal (module gaps, dead
 * lines). When every pattern is the same, every pixel is constant: that is the finding, not gaps.
 *
 * @param s the stack's statistics (`DiffractionStats` of @ptychojs/io)
 * @param flags the detector's flag values, as read (`detectorFlagValues`)
 */
export function unmeasuredPixels(s: DiffractionStats, N: number, flags: ReadonlyMap<number, string>): UnmeasuredPixels {
  const P = s.patterns, NN = N * N;
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
    for (const [a, b] of darkLines(s.constantRows, s.rowEnergy, N)) for (let i = a; i <= b; i++) flagged.fill(1, i * N, (i + 1) * N);
    for (const [a, b] of darkLines(s.constantCols, s.colEnergy, N)) for (let j = a; j <= b; j++) for (let i = 0; i < N; i++) flagged[i * N + j] = 1;
  }
  return { identical, flagged, hotLike, where: describeFlaggedPixels(flagged, N) };
}

/**
 * Constant lines inside the signal: runs of rows (or columns) holding one value in every
 * pattern, at most N/4 wide, not touching the detector edge (dark high-q borders look the same),
 * with signal on both sides: at least GAP_SIGNAL of the brightest line that is not constant
 * (a constant line can be a flag value far above any measurement).
 */
function darkLines(constant: Uint8Array, energy: Float64Array, N: number): [number, number][] {
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
