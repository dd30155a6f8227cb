import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { bigCanvasSize } from './big-canvas-size.js';
import { groupScan } from './group-scan.js';
import { maxAbsRelative } from './max-abs-relative.js';

describe('bigCanvasSize', () => {
  it('is N + 2·ceil(max |coords_relative|), rounded up to even', () => {
    expect(bigCanvasSize(64, 0)).toBe(64);
    expect(bigCanvasSize(64, 3.2)).toBe(72);
    expect(bigCanvasSize(64, 4)).toBe(72);
    expect(bigCanvasSize(63, 1)).toBe(66); // 65 → even
    expect(() => bigCanvasSize(64, Number.NaN)).toThrow(/finite/);
    expect(() => bigCanvasSize(0, 1)).toThrow(/N must be/);
  });

  it('uses the largest relative offset over every group, channel and axis', () => {
    const rng = createRng(2), M = 300;
    const xs = Float64Array.from({ length: M }, () => rng.next() * 100), ys = Float64Array.from({ length: M }, () => rng.next() * 100);
    const g = groupScan(xs, ys, { gridsize: 2, seed: 1 });
    let m = 0;
    for (let b = 0; b < g.B; b++) for (let c = 0; c < 4; c++) for (let a = 0; a < 2; a++) {
      m = Math.max(m, Math.abs(g.coordsNn[b * 8 + a * 4 + c]! - g.coordsOffsets[2 * b + a]!));
    }
    expect(maxAbsRelative(g)).toBe(m);
    expect(m).toBeGreaterThan(1);
    expect(bigCanvasSize(64, g)).toBe(64 + 2 * Math.ceil(m));
  });
});
