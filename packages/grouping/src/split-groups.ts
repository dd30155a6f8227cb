import { InputError, createRng } from '@ptychojs/io';
import { takeGroups } from './take-groups.js';
import type { GroupedData, Groups } from './types.js';

/** Result of {@link splitGroups}. */
export interface GroupSplit<T> {
  readonly train: T;
  readonly validation: T;
  /** @shape (B_train,) int32, ascending — positions in the input groups */
  readonly trainIndices: Int32Array;
  /** @shape (B_val,) int32, ascending */
  readonly validationIndices: Int32Array;
}

/**
 * Holds out a random `fraction` of the groups for validation (SPEC §3: 5 % by default in training),
 * applying the same index lists to X, coordinates and Y through {@link takeGroups}.
 * `B_val = round(fraction·B)`, capped at B − 1 so training keeps at least one group; both parts
 * keep the input order. Deterministic for a given `seed`.
 *
 * @throws InputError when fraction is outside [0, 1) or there are no groups.
 */
export function splitGroups<T extends Groups | GroupedData>(groups: T, fraction: number, seed: number): GroupSplit<T> {
  if (!(fraction >= 0 && fraction < 1)) throw new InputError('validation fraction must be in [0, 1)', { key: 'validationFraction', expected: '0 ≤ fraction < 1', actual: String(fraction) });
  const { B } = groups;
  if (B < 1) throw new InputError('no groups to split', { key: 'groups', expected: 'B ≥ 1', actual: '0' });
  const nVal = Math.min(Math.round(fraction * B), B - 1);
  const perm = new Int32Array(B);
  for (let i = 0; i < B; i++) perm[i] = i;
  const rng = createRng(seed);
  for (let t = 0; t < nVal; t++) {
    const j = t + rng.int(B - t);
    const v = perm[j]!; perm[j] = perm[t]!; perm[t] = v;
  }
  const validationIndices = perm.slice(0, nVal).sort();
  const trainIndices = perm.slice(nVal).sort();
  return { train: takeGroups(groups, trainIndices), validation: takeGroups(groups, validationIndices), trainIndices, validationIndices };
}
