import { InputError } from '@ptychojs/io';

/** Floor added to the rate inside the log (SPEC §3 "Poisson NLL", ε = 1e−12). */
const EPS = 1e-12;

/**
 * Mean Poisson negative log-likelihood without the `log(Y!)` constant, SPEC §3:
 * `mean_i (rate_i − counts_i·log(rate_i + 1e−12))`, accumulated in float64.
 *
 * @shape rate (...) expected counts, ≥ 0 (e.g. `doseScale·A²`)
 * @shape counts (...) observed counts, same length, ≥ 0
 * @throws InputError when the lengths differ, the arrays are empty, or a value is NaN, infinite or
 *   negative (a NaN rate is an error, never a silent zero).
 */
export function poissonNllMean(rate: ArrayLike<number>, counts: ArrayLike<number>): number {
  const n = rate.length;
  if (counts.length !== n) throw new InputError('rate and counts differ in length', { key: 'counts', expected: `${n} values`, actual: `${counts.length}` });
  if (n === 0) throw new InputError('empty arrays', { key: 'rate', expected: 'at least one value', actual: '0' });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = rate[i]!, y = counts[i]!;
    if (!(r >= 0) || !Number.isFinite(r)) throw new InputError('rate must be finite and ≥ 0', { key: 'rate', expected: 'finite, ≥ 0', actual: `${r} at index ${i}` });
    if (!(y >= 0) || !Number.isFinite(y)) throw new InputError('counts must be finite and ≥ 0', { key: 'counts', expected: 'finite, ≥ 0', actual: `${y} at index ${i}` });
    sum += r - y * Math.log(r + EPS);
  }
  return sum / n;
}
