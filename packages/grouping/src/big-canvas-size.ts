import { InputError } from '@ptychojs/io';
import { maxAbsRelative } from './max-abs-relative.js';
import type { Groups } from './types.js';

/**
 * Side of the object.big canvas (SPEC §3 "Model I/O"): `N + 2·⌈max |coords_relative|⌉` over the
 * dataset, rounded up to even — wide enough for every group (unlike PtychoPINN's fixed
 * `N + (g−1)·4 + 10`).
 *
 * @param groupsOrMax the groups, or a precomputed {@link maxAbsRelative} (e.g. the max over train and test).
 */
export function bigCanvasSize(N: number, groupsOrMax: Pick<Groups, 'coordsRelative'> | number): number {
  const m = typeof groupsOrMax === 'number' ? groupsOrMax : maxAbsRelative(groupsOrMax);
  if (!Number.isInteger(N) || N < 1) throw new InputError('N must be a positive integer', { key: 'N', expected: 'integer ≥ 1', actual: String(N) });
  if (!(m >= 0) || !Number.isFinite(m)) throw new InputError('max |coords_relative| must be finite and ≥ 0', { key: 'coords_relative', expected: 'finite ≥ 0', actual: String(m) });
  const side = N + 2 * Math.ceil(m);
  return side % 2 === 0 ? side : side + 1;
}
