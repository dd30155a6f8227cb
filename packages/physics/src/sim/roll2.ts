/** Float typed arrays the shift helpers accept. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Circular shift of every `rows × cols` image in a stack: `out[(r+dr) mod rows, (c+dc) mod cols] =
 * a[r, c]` (numpy `roll` over the last two axes). Returns a new array of the same type.
 */
export function roll2<T extends FloatArray>(a: T, rows: number, cols: number, dr: number, dc: number): T {
  const size = rows * cols;
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1 || a.length % size !== 0) {
    throw new RangeError(`fftshift2: array of length ${a.length} is not a stack of ${rows}×${cols} images`);
  }
  const out = new (a.constructor as new (n: number) => T)(a.length);
  const sr = ((dr % rows) + rows) % rows, sc = ((dc % cols) + cols) % cols;
  for (let base = 0; base < a.length; base += size) {
    for (let r = 0; r < rows; r++) {
      const src = base + r * cols, dst = base + ((r + sr) % rows) * cols;
      // Two contiguous runs per row: [0, cols−sc) → [sc, cols) and [cols−sc, cols) → [0, sc).
      out.set(a.subarray(src, src + cols - sc), dst + sc);
      out.set(a.subarray(src + cols - sc, src + cols), dst);
    }
  }
  return out;
}
