import { lineTransform } from './fft-line.js';

let lineIn = new Float64Array(0), lineOut = new Float64Array(0);

/**
 * Unnormalized 2-D DFT, in place, of every `rows × cols` image stacked in `re`/`im` (C order),
 * rows then columns. `inverse` uses e^{+2πi…} (computed as conj(DFT(conj x))), without the
 * 1/(rows·cols). Any sizes (see `lineTransform`).
 */
export function fft2InPlace(re: Float64Array, im: Float64Array, rows: number, cols: number, inverse: boolean): void {
  const size = rows * cols;
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`fft2: rows and cols must be positive integers, got ${rows}×${cols}`);
  }
  if (re.length !== im.length || re.length % size !== 0) {
    throw new RangeError(`fft2: planes of length ${re.length}/${im.length} are not a stack of ${rows}×${cols} images`);
  }
  const longest = Math.max(rows, cols);
  if (lineIn.length < 2 * longest) { lineIn = new Float64Array(2 * longest); lineOut = new Float64Array(2 * longest); }
  const a = lineIn, b = lineOut, s = inverse ? -1 : 1;
  const rowT = lineTransform(cols), colT = lineTransform(rows);
  const rowIn = a.subarray(0, 2 * cols), rowOut = b.subarray(0, 2 * cols);
  const colIn = a.subarray(0, 2 * rows), colOut = b.subarray(0, 2 * rows);
  for (let base = 0; base < re.length; base += size) {
    if (cols > 1) {
      for (let r = 0; r < rows; r++) {
        const o = base + r * cols;
        for (let c = 0; c < cols; c++) { rowIn[2 * c] = re[o + c]!; rowIn[2 * c + 1] = s * im[o + c]!; }
        rowT.forward(rowOut, rowIn);
        for (let c = 0; c < cols; c++) { re[o + c] = rowOut[2 * c]!; im[o + c] = s * rowOut[2 * c + 1]!; }
      }
    }
    if (rows > 1) {
      for (let c = 0; c < cols; c++) {
        for (let r = 0, p = base + c; r < rows; r++, p += cols) { colIn[2 * r] = re[p]!; colIn[2 * r + 1] = s * im[p]!; }
        colT.forward(colOut, colIn);
        for (let r = 0, p = base + c; r < rows; r++, p += cols) { re[p] = colOut[2 * r]!; im[p] = s * colOut[2 * r + 1]!; }
      }
    }
  }
}
