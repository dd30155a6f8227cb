import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { groupScan } from './group-scan.js';
import { sliceGroups } from './slice-groups.js';
import { takeGroups } from './take-groups.js';

const rng = createRng(5);
const xs = Float64Array.from({ length: 50 }, () => 10 + rng.next() * 30), ys = Float64Array.from({ length: 50 }, () => 10 + rng.next() * 30);

describe('sliceGroups', () => {
  it('equals takeGroups on the same contiguous range, as views on the input arrays', () => {
    const g = groupScan(xs, ys, { gridsize: 2, seed: 2 });
    const s = sliceGroups(g, 7, 19);
    const t = takeGroups(g, Array.from({ length: 12 }, (_, i) => 7 + i));
    expect(s).toEqual(t);
    expect(s.coordsRelative.buffer).toBe(g.coordsRelative.buffer);
    expect(sliceGroups(g, 3, 3).B).toBe(0);
  });

  it('refuses a range outside [0, B]', () => {
    const g = groupScan(xs, ys, { gridsize: 1, seed: 0 });
    expect(() => sliceGroups(g, -1, 2)).toThrow(/out of bounds/);
    expect(() => sliceGroups(g, 0, g.B + 1)).toThrow(/out of bounds/);
    expect(() => sliceGroups(g, 5, 4)).toThrow(/out of bounds/);
  });
});
