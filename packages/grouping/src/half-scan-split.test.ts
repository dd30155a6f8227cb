import { describe, expect, it } from 'vitest';
import { createRng, InputError } from '@ptychojs/io';
import { halfScanSplit } from './half-scan-split.js';

/** A rows×cols raster, step s, row-major, each coordinate jittered uniformly in [−j, j]. */
function raster(rows: number, cols: number, s: number, j = 0, seed = 1) {
  const rng = createRng(seed), xs: number[] = [], ys: number[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) { xs.push(40 + c * s + j * (2 * rng.next() - 1)); ys.push(30 + r * s + j * (2 * rng.next() - 1)); }
  return { xs, ys };
}

describe('halfScanSplit', () => {
  it('splits a raster of even row length as a checkerboard, not by index parity (which would take every other column)', () => {
    const { xs, ys } = raster(6, 8, 5);
    const s = halfScanSplit(xs, ys);
    expect(s.kind).toBe('checkerboard');
    expect(s.grid).toEqual({ rows: 6, cols: 8, stepX: 5, stepY: 5 });
    expect(s.halves[0].length).toBe(24);
    expect(s.halves[1].length).toBe(24);
    // Position (row r, col c) has index 8r + c: the first half is r + c even.
    for (const k of s.halves[0]) expect((Math.floor(k / 8) + (k % 8)) % 2).toBe(0);
    // Each position's nearest neighbour in its own half is a diagonal one, √2·step away.
    for (const half of s.halves) for (const k of half) {
      let best = Infinity;
      for (const j of half) if (j !== k) best = Math.min(best, Math.hypot(xs[k]! - xs[j]!, ys[k]! - ys[j]!));
      expect(best).toBeCloseTo(5 * Math.SQRT2, 9);
    }
  });

  it('recognizes a raster jittered by a quarter step (ptycho simulate --scan jitter), in any order', () => {
    const { xs, ys } = raster(21, 21, 3, 0.75, 4);
    // shuffle the scan order: the split depends on the geometry, not on the order
    const order = createRng(2).shuffle(Array.from({ length: xs.length }, (_, i) => i));
    const s = halfScanSplit(order.map((i) => xs[i]!), order.map((i) => ys[i]!));
    expect(s.kind).toBe('checkerboard');
    expect(s.grid!.rows).toBe(21);
    expect(s.grid!.cols).toBe(21);
    expect(s.halves[0].length + s.halves[1].length).toBe(441);
    expect(Math.abs(s.halves[0].length - s.halves[1].length)).toBe(1);
  });

  it('falls back to index parity for a random scan, a spiral and a rotated grid', () => {
    const rng = createRng(3), M = 200;
    const rand = { xs: Array.from({ length: M }, () => 100 * rng.next()), ys: Array.from({ length: M }, () => 100 * rng.next()) };
    const spiral = { xs: [] as number[], ys: [] as number[] };
    for (let k = 0; k < M; k++) { const r = 3 * Math.sqrt(k + 0.5), t = k * Math.PI * (3 - Math.sqrt(5)); spiral.xs.push(60 + r * Math.cos(t)); spiral.ys.push(60 + r * Math.sin(t)); }
    const g = raster(10, 10, 5), a = 0.5;
    const rotated = { xs: g.xs.map((x, i) => Math.cos(a) * x - Math.sin(a) * g.ys[i]!), ys: g.xs.map((x, i) => Math.sin(a) * x + Math.cos(a) * g.ys[i]!) };
    for (const scan of [rand, spiral, rotated]) {
      const s = halfScanSplit(scan.xs, scan.ys);
      expect(s.kind).toBe('parity');
      expect(s.grid).toBeUndefined();
      expect([...s.halves[0]]).toEqual(Array.from({ length: scan.xs.length / 2 }, (_, i) => 2 * i));
    }
  });

  it('throws InputError for fewer than 4 positions', () => {
    expect(() => halfScanSplit([1, 2, 3], [1, 2, 3])).toThrow(InputError);
  });
});
