/**
 * Median of the values: the middle one of a sorted copy, or the mean of the two middle ones; NaN
 * for none. The one median of the scan step (`medianStep`) and of the scan assessment's pattern
 * totals (@ptychojs/pipeline).
 *
 * @shape a (n,) float
 */
export function median(a: ArrayLike<number>): number {
  const s = Float64Array.from(a).sort();
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
