import { describe, expect, it } from 'vitest';
import { splitGroups } from './split-groups.js';

describe('splitGroups', () => {
  it('holds out round(5%) of the groups, disjoint from training, covering all', () => {
    const { train, val } = splitGroups(200, 0.05, 7);
    expect(val.length).toBe(10);
    expect(train.length).toBe(190);
    const all = new Set([...train, ...val]);
    expect(all.size).toBe(200);
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(199);
  });

  it('is repeatable for a seed and differs between seeds', () => {
    expect(Array.from(splitGroups(100, 0.1, 3).val)).toEqual(Array.from(splitGroups(100, 0.1, 3).val));
    expect(Array.from(splitGroups(100, 0.1, 3).val)).not.toEqual(Array.from(splitGroups(100, 0.1, 4).val));
  });

  it('keeps at least one validation group for a positive fraction, and at least one training group', () => {
    expect(splitGroups(4, 0.05, 1).val.length).toBe(1);
    expect(splitGroups(1, 0.05, 1).val.length).toBe(0);
    expect(splitGroups(2, 0.5, 1).train.length).toBe(1);
    expect(splitGroups(10, 0, 1).val.length).toBe(0);
  });
});
