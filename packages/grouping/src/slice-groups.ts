import { InputError } from '@ptychojs/io';
import type { Groups } from './types.js';

/**
 * Groups `start … end − 1` as views on `groups`' arrays (no copy): the contiguous, allocation-free
 * sibling of {@link takeGroups}, for streaming a scan through a model batch by batch.
 *
 * @throws InputError when the range is not within [0, B]
 */
export function sliceGroups(groups: Groups, start: number, end: number): Groups {
  const { B, C } = groups;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > B || start > end) {
    throw new InputError('group range out of bounds', { key: 'start, end', expected: `integers with 0 ≤ start ≤ end ≤ ${B}`, actual: `${start}, ${end}` });
  }
  return {
    B: end - start, C, gridsize: groups.gridsize,
    nnIndices: groups.nnIndices.subarray(start * C, end * C),
    coordsNn: groups.coordsNn.subarray(start * 2 * C, end * 2 * C),
    coordsOffsets: groups.coordsOffsets.subarray(start * 2, end * 2),
    coordsRelative: groups.coordsRelative.subarray(start * 2 * C, end * 2 * C),
  };
}
