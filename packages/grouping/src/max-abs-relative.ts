import type { Groups } from './types.js';

/**
 * max |coords_relative| over every group, channel and axis (SPEC §3 "Model I/O": it sets the
 * object.big canvas). 0 for gridsize 1.
 */
export function maxAbsRelative(groups: Pick<Groups, 'coordsRelative'>): number {
  let m = 0;
  for (const v of groups.coordsRelative) { const a = Math.abs(v); if (a > m) m = a; }
  return m;
}
