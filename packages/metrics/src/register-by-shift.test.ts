import type { ComplexArray } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { pattern } from '../test/fixture-images.js';
import { evaluateReconstruction } from './evaluate-reconstruction.js';
import { registerByShift } from './register-by-shift.js';
import { registerCanvasOrigin } from './register-canvas-origin.js';

/** out(x, y) = in(x − tx, y − ty), zero fill (SPEC §3 translation convention), integer shifts. */
function translate(img: Float64Array, H: number, W: number, tx: number, ty: number): Float64Array {
  const out = new Float64Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const rs = r - ty, cs = c - tx;
    if (rs >= 0 && rs < H && cs >= 0 && cs < W) out[r * W + c] = img[rs * W + cs]!;
  }
  return out;
}

function complexObject(H: number, W: number): ComplexArray {
  const a = pattern(H, W, 9), p = pattern(H, W, 10);
  return { shape: [H, W], re: Float32Array.from(a, (v, i) => (1 + 0.3 * v) * Math.cos(p[i]!)), im: Float32Array.from(a, (v, i) => (1 + 0.3 * v) * Math.sin(p[i]!)) };
}

function subImage(t: ComplexArray, x0: number, y0: number, H: number, W: number): ComplexArray {
  const Wt = t.shape[1]!, re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) { re[r * W + c] = t.re[(r + y0) * Wt + c + x0]!; im[r * W + c] = t.im[(r + y0) * Wt + c + x0]!; }
  return { shape: [H, W], re, im };
}

describe('registerByShift', () => {
  it('recovers a known integer translation: moving = reference shifted by (−5, +3) → (dx, dy) = (5, −3)', () => {
    const H = 64, W = 80, ref = pattern(H, W, 1);
    const moving = translate(ref, H, W, -5, 3);
    const s = registerByShift({ shape: [H, W], re: ref }, { shape: [H, W], re: moving });
    expect([s.dx, s.dy]).toEqual([5, -3]);
    // applying the answer puts the overlap back in place
    const back = translate(moving, H, W, s.dx, s.dy);
    for (let r = 0; r < H - 3; r++) for (let c = 5; c < W; c++) expect(back[r * W + c]).toBe(ref[r * W + c]);
  });

  it('ignores a global phase of complex images, and the peak is ≈ 1 for an unshifted copy', () => {
    const z = complexObject(48, 48), th = 1.3;
    const rot: ComplexArray = { shape: [48, 48], re: z.re.map((a, i) => a * Math.cos(th) - z.im[i]! * Math.sin(th)), im: z.re.map((a, i) => a * Math.sin(th) + z.im[i]! * Math.cos(th)) };
    const s = registerByShift(z, rot);
    expect([s.dx, s.dy]).toEqual([0, 0]);
    expect(s.peak).toBeCloseTo(1, 6);
  });

  it('recovers a sub-pixel translation to 1/upsample (blobs sampled at shifted centres)', () => {
    // Gaussian blobs (σ = 3 px) at fixed centres; moving has them at (x − 1.3, y + 0.45), so the
    // translation that maps moving onto reference is (dx, dy) = (+1.3, −0.45).
    const H = 64, W = 72, centres = [[20.3, 17.1], [41.7, 30.2], [55.2, 48.9], [30.6, 50.4]] as const;
    const blobs = (ox: number, oy: number) => {
      const out = new Float64Array(H * W);
      for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) for (const [x, y] of centres) out[r * W + c] = out[r * W + c]! + Math.exp(-((c - x - ox) ** 2 + (r - y - oy) ** 2) / 18);
      return out;
    };
    const ref = { shape: [H, W], re: blobs(0, 0) }, moving = { shape: [H, W], re: blobs(-1.3, 0.45) };
    expect(registerByShift(ref, moving)).toMatchObject({ dx: 1, dy: 0 });
    const s = registerByShift(ref, moving, { upsample: 20 });
    // The grid step is 0.05 px: the answer is the grid point nearest the true shift (±0.025) or its neighbour.
    expect(Math.abs(s.dx - 1.3)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(s.dy + 0.45)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(s.peak).toBeGreaterThan(0.95);
    expect(() => registerByShift(ref, moving, { upsample: 0.5 })).toThrow(/upsample/);
  });

  it('respects maxShift', () => {
    const H = 40, W = 40, ref = pattern(H, W, 2), moving = translate(ref, H, W, 0, 9);
    expect(registerByShift({ shape: [H, W], re: ref }, { shape: [H, W], re: moving }).dy).toBe(-9);
    expect(Math.abs(registerByShift({ shape: [H, W], re: ref }, { shape: [H, W], re: moving }, { maxShift: 4 }).dy)).toBeLessThanOrEqual(4);
  });
});

describe('registerCanvasOrigin', () => {
  it('finds the true canvasOrigin from a wrong recorded one', () => {
    const truth = complexObject(100, 110), recon = subImage(truth, 10, 12, 70, 80); // true origin [10, 12]
    const box = { xmin: 25, xmax: 75, ymin: 25, ymax: 70 };
    const wrong = registerCanvasOrigin(recon, [12, 9], truth, box);
    expect(wrong.origin).toEqual([10, 12]);
    expect(wrong.shift).toEqual([-2, 3]);
    const right = registerCanvasOrigin(recon, [10, 12], truth, box);
    expect(right.shift).toEqual([0, 0]);
    expect(right.peak).toBeCloseTo(1, 6);
  });

  it('scores with the recorded origin are not worse than after best-shift registration (the lead\u2019s origin check)', () => {
    const truth = complexObject(100, 110), recon = subImage(truth, 10, 12, 70, 80), box = { xmin: 25, xmax: 75, ymin: 25, ymax: 70 };
    const reg = registerCanvasOrigin(recon, [10, 12], truth, box);
    const recorded = evaluateReconstruction(recon, [10, 12], truth, box).metrics, registered = evaluateReconstruction(recon, reg.origin, truth, box).metrics;
    expect(recorded.amp_ssim).toBeGreaterThanOrEqual(registered.amp_ssim);
    expect(recorded.phase_mae).toBeLessThanOrEqual(registered.phase_mae);
    // and a wrong origin is clearly worse
    const off = evaluateReconstruction(recon, [12, 9], truth, box).metrics;
    expect(off.amp_ssim).toBeLessThan(recorded.amp_ssim - 0.1);
  });
});
