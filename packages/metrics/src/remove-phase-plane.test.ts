import { createRng } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { removePhasePlane } from './remove-phase-plane.js';

describe('removePhasePlane', () => {
  it('recovers a known plane a·col + b·row + c and leaves zero', () => {
    const H = 17, W = 23, p = new Float64Array(H * W);
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) p[r * W + c] = 0.03 * c - 0.07 * r + 0.4;
    const out = removePhasePlane(p, H, W);
    expect(out.a).toBeCloseTo(0.03, 13); expect(out.b).toBeCloseTo(-0.07, 13); expect(out.c).toBeCloseTo(0.4, 12);
    for (const v of out.phase) expect(Math.abs(v)).toBeLessThan(1e-12);
  });

  it('leaves a residual orthogonal to col, row and 1 (the least-squares normal equations)', () => {
    const rng = createRng(4), H = 12, W = 9;
    const p = Float64Array.from({ length: H * W }, () => rng.normal());
    const { phase } = removePhasePlane(p, H, W);
    let s1 = 0, sx = 0, sy = 0;
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { const v = phase[r * W + c]!; s1 += v; sx += c * v; sy += r * v; }
    expect(Math.abs(s1)).toBeLessThan(1e-12); expect(Math.abs(sx)).toBeLessThan(1e-11); expect(Math.abs(sy)).toBeLessThan(1e-11);
  });
});
