import { describe, expect, it } from 'vitest';
import { objectCanvasSize } from './object-canvas-size.js';

describe('objectCanvasSize', () => {
  it('is N + 2·ceil(max |coords_relative|), rounded up to even', () => {
    expect(objectCanvasSize(64, [0, 0])).toBe(64);
    expect(objectCanvasSize(64, [2.5, -3.2, 1, 0])).toBe(72); // ceil 3.2 = 4 → 72
    expect(objectCanvasSize(64, [-2.5, 0.1])).toBe(70); // ceil 2.5 = 3 → 70, even
    expect(objectCanvasSize(64, [0.5])).toBe(66); // 64 + 2 = 66
    expect(objectCanvasSize(64, [4])).toBe(72); // an integer maximum is not rounded further
    expect(objectCanvasSize(63, [1])).toBe(66); // 65 → even
    expect(objectCanvasSize(64, [])).toBe(64); // no groups: the bare patch
  });

  it('refuses non-finite coordinates and a bad N', () => {
    expect(() => objectCanvasSize(64, [NaN])).toThrow(/finite/);
    expect(() => objectCanvasSize(64, [1, Infinity])).toThrow(/finite/);
    expect(() => objectCanvasSize(0, [1])).toThrow(/N must be/);
  });
});
