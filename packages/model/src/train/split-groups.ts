import { createRng } from '@ptychojs/io';

/**
 * Hold out a seeded random fraction of the groups for validation (SPEC §3: "5% of groups held out
 * for validation"). The count is `round(B·fraction)`, at least 1 when the fraction is positive and
 * B ≥ 2, and never all of them: a positive fraction asks for a validation loss (the learning-rate
 * schedule watches it), so a small scan still gets one held-out group rather than silently none.
 * The same (B, fraction, seed) always gives the same split; both index lists are sorted. The one
 * validation split of ptychojs (grouping's former copy rounded without the minimum and drew
 * differently).
 */
export function splitGroups(B: number, fraction: number, seed: number): { train: Int32Array; val: Int32Array } {
  const order = createRng(seed).shuffle(Int32Array.from({ length: B }, (_, i) => i));
  let nVal = fraction > 0 && B >= 2 ? Math.max(1, Math.round(B * fraction)) : 0;
  nVal = Math.min(nVal, B - 1);
  const val = order.slice(0, Math.max(nVal, 0)).sort();
  const train = order.slice(Math.max(nVal, 0)).sort();
  return { train, val };
}
