/** Where the pixels of a detector mask lie ({@link describeFlaggedPixels}). */
export interface FlaggedPixels {
  /** Runs of whole columns `[first, last]` (every row flagged): vertical module gaps or dead columns. */
  readonly columns: readonly (readonly [number, number])[];
  /** Runs of whole rows `[first, last]`. */
  readonly rows: readonly (readonly [number, number])[];
  /** Flagged pixels `[row, column]` outside those lines (hot or dead pixels), in row-major order. */
  readonly pixels: readonly (readonly [number, number])[];
  /** How many pixels are flagged in all (lines and single pixels together). */
  readonly count: number;
  /** The same in words for messages: `columns 30…31; pixels (12, 40), (3, 7)` (at most `maxPixels` listed). */
  readonly text: string;
}

/**
 * Describe an N×N mask of pixels (1 = flagged: a detector gap, a hot pixel, a NaN written for a
 * masked pixel) as whole columns, whole rows and single pixels, in words a person can act on.
 * A column is listed as a line when every one of its N pixels is flagged, likewise a row; the
 * remaining flagged pixels are listed singly (the first `maxPixels`, then how many more).
 *
 * @shape mask (N, N) row-major, non-zero = flagged
 */
export function describeFlaggedPixels(mask: ArrayLike<number>, N: number, maxPixels = 5): FlaggedPixels {
  const fullCol = new Uint8Array(N), fullRow = new Uint8Array(N);
  for (let j = 0; j < N; j++) {
    let all = 1;
    for (let i = 0; i < N && all; i++) if (!mask[i * N + j]) all = 0;
    fullCol[j] = all;
  }
  for (let i = 0; i < N; i++) {
    let all = 1;
    for (let j = 0; j < N && all; j++) if (!mask[i * N + j]) all = 0;
    fullRow[i] = all;
  }
  const columns = runs(fullCol), rows = runs(fullRow);
  const pixels: [number, number][] = [];
  let count = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (!mask[i * N + j]) continue;
      count++;
      if (!fullCol[j] && !fullRow[i]) pixels.push([i, j]);
    }
  }
  const line = (what: string, r: readonly (readonly [number, number])[]): string =>
    r.length === 0 ? '' : `${what}${r.length > 1 || r[0]![1] > r[0]![0] ? 's' : ''} ${r.map(([a, b]) => (b > a ? `${a}…${b}` : `${a}`)).join(', ')}`;
  const shown = pixels.slice(0, maxPixels).map(([i, j]) => `(${i}, ${j})`).join(', ');
  const px = pixels.length === 0 ? '' : `pixel${pixels.length > 1 ? 's' : ''} (row, column) ${shown}${pixels.length > maxPixels ? ` and ${pixels.length - maxPixels} more` : ''}`;
  const text = [line('column', columns), line('row', rows), px].filter(Boolean).join('; ');
  return { columns, rows, pixels, count, text };
}

/** Runs `[first, last]` of consecutive set entries. */
function runs(set: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < set.length;) {
    if (!set[a]) { a++; continue; }
    let b = a;
    while (b + 1 < set.length && set[b + 1]) b++;
    out.push([a, b]);
    a = b + 1;
  }
  return out;
}
