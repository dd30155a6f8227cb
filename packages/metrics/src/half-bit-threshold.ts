/**
 * The ½-bit information threshold curve for the Fourier ring correlation of two independent
 * half data sets (van Heel & Schatz 2005, J. Struct. Biol. 151, 250, eq. 17 with the SNR of a half
 * set that makes the whole set carry ½ bit per pixel, (√2 − 1)/2 = 0.2071):
 *
 * `T(r) = (0.2071 + 1.9102/√n_r) / (1.2071 + 0.9102/√n_r)`
 *
 * n_r the number of Fourier pixels in ring r. It is 1 for a ring of one pixel (where any
 * correlation is chance), and falls to 0.2071/1.2071 = 0.1716 for large rings; the FRC of two
 * half-data reconstructions crossing it marks the resolution of the whole data set.
 *
 * @param ringPixels n_r per ring (≥ 1; rings without pixels get NaN)
 * @returns T(r) per ring
 */
export function halfBitThreshold(ringPixels: ArrayLike<number>): Float64Array {
  const out = new Float64Array(ringPixels.length);
  for (let r = 0; r < out.length; r++) {
    const n = ringPixels[r]!;
    if (!(n >= 1)) { out[r] = NaN; continue; }
    const s = Math.sqrt(n);
    out[r] = (0.2071 + 1.9102 / s) / (1.2071 + 0.9102 / s);
  }
  return out;
}
