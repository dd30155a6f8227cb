import { InputError, type ComplexArray } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { evaluationCase, pattern } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { alignForEvaluation } from './align-for-evaluation.js';
import { evaluateReconstruction } from './evaluate-reconstruction.js';

/** A smooth complex object with phases inside (−2.5, 2.5), so a global offset never wraps ambiguously. */
function object(H: number, W: number): ComplexArray {
  const a = pattern(H, W, 7), p = pattern(H, W, 8);
  return {
    shape: [H, W],
    re: Float32Array.from(a, (v, i) => (0.7 + 0.2 * v) * Math.cos(p[i]!)),
    im: Float32Array.from(a, (v, i) => (0.7 + 0.2 * v) * Math.sin(p[i]!)),
  };
}

/** recon pixel (r, c) = truth pixel (r + y0, c + x0): a perfect reconstruction with canvasOrigin [x0, y0]. */
function crop(t: ComplexArray, x0: number, y0: number, H: number, W: number, f: (re: number, im: number) => [number, number] = (a, b) => [a, b]): ComplexArray {
  const Wt = t.shape[1]!, re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const i = (r + y0) * Wt + c + x0, [u, v] = f(t.re[i]!, t.im[i]!);
    re[r * W + c] = u; im[r * W + c] = v;
  }
  return { shape: [H, W], re, im };
}

const box = { xmin: 12.5, xmax: 60, ymin: 10, ymax: 55.2 };

describe('alignForEvaluation', () => {
  it('places the reconstruction by its origin and crops both to the scan box (inclusive ceil…floor)', () => {
    const truth = object(70, 80), recon = crop(truth, 6, 4, 60, 66);
    const a = alignForEvaluation(recon, [6, 4], truth, box);
    expect([a.row0, a.col0, a.height, a.width]).toEqual([10, 13, 46, 48]); // rows 10…55, cols 13…60
    expect(a.gain).toBeCloseTo(1, 12);
    expect(a.phaseOffset).toBeCloseTo(0, 12);
    for (let i = 0; i < a.height * a.width; i++) {
      expect(a.reconAmplitude[i]).toBeCloseTo(a.truthAmplitude[i]!, 12);
      expect(a.reconPhase[i]).toBeCloseTo(a.truthPhase[i]!, 12);
    }
    expect(a.notes).toEqual([]);
  });

  it('removes a global phase: exp(iθ)·O aligns to O and scores exactly as O does', () => {
    const truth = object(70, 80), theta = 2.0;
    const plain = crop(truth, 6, 4, 60, 66);
    const rotated = crop(truth, 6, 4, 60, 66, (a, b) => [a * Math.cos(theta) - b * Math.sin(theta), a * Math.sin(theta) + b * Math.cos(theta)]);
    const a = alignForEvaluation(rotated, [6, 4], truth, box);
    expect(a.phaseOffset).toBeCloseTo(-theta, 6); // float32 storage of the rotated object: ~1e-7
    for (let i = 0; i < a.height * a.width; i++) expect(Math.abs(a.reconPhase[i]! - a.truthPhase[i]!)).toBeLessThan(1e-6);
    const m0 = evaluateReconstruction(plain, [6, 4], truth, box).metrics, m1 = evaluateReconstruction(rotated, [6, 4], truth, box).metrics;
    expect(m0.phase_ssim).toBe(1);
    expectClose(m1.phase_ssim, 1, 0, 1e-9, 'phase_ssim');
    expectClose(m1.phase_msssim, 1, 0, 1e-9, 'phase_msssim');
    expect(m1.phase_mae).toBeLessThan(1e-6);
    expect(m1.phase_frc50).toBe(1);
  });

  it('fits the amplitude gain by least squares: g = Σ|t||r| / Σ|r|²', () => {
    const truth = object(70, 80);
    const scaled = crop(truth, 6, 4, 60, 66, (a, b) => [0.37 * a, 0.37 * b]);
    const a = alignForEvaluation(scaled, [6, 4], truth, box);
    expect(a.gain).toBeCloseTo(1 / 0.37, 5);
    for (let i = 0; i < a.height * a.width; i++) expect(a.reconAmplitude[i]).toBeCloseTo(a.truthAmplitude[i]!, 5);
    // with a distorted amplitude, g still minimizes Σ(|t| − g|r|)²: nudging it either way costs more
    const bent = crop(truth, 6, 4, 60, 66, (x, y) => { const s = 0.5 + Math.hypot(x, y); return [s * x, s * y]; });
    const b = alignForEvaluation(bent, [6, 4], truth, box);
    const cost = (g: number): number => b.truthAmplitude.reduce((s, t, i) => s + (t - (g / b.gain) * b.reconAmplitude[i]!) ** 2, 0);
    expect(cost(b.gain)).toBeLessThan(cost(b.gain * 1.001));
    expect(cost(b.gain)).toBeLessThan(cost(b.gain * 0.999));
  });

  it('rounds a fractional origin with a note, and clips a box that leaves the truth with a note', () => {
    const truth = object(70, 80), recon = crop(truth, 6, 4, 60, 66);
    const a = alignForEvaluation(recon, [6.2, 3.8], truth, { xmin: -5, xmax: 200, ymin: 10, ymax: 50 });
    expect(a.origin).toEqual([6, 4]);
    expect(a.notes.join('\n')).toMatch(/not integer; rounded to \[6, 4\]/);
    expect(a.notes.join('\n')).toMatch(/clipped to the truth/);
    expect(a.reconPhase.every((v, i) => Math.abs(v - a.truthPhase[i]!) < 1e-12)).toBe(true);
  });

  it('throws InputError when nothing overlaps or the reconstruction is zero there', () => {
    const truth = object(30, 30), recon = crop(truth, 0, 0, 20, 20);
    expect(() => alignForEvaluation(recon, [40, 0], truth)).toThrow(InputError);
    const zero: ComplexArray = { shape: [20, 20], re: new Float32Array(400), im: new Float32Array(400) };
    expect(() => alignForEvaluation(zero, [0, 0], truth)).toThrow(/zero everywhere/);
  });

  it('matches the numpy crop, phase offset and gain of the fixture case', () => {
    const { truth, recon, origin } = evaluationCase(), e = fixtures.evaluation;
    const a = alignForEvaluation(recon, origin, truth, e.scanBox);
    expect([a.row0, a.col0, a.height, a.width]).toEqual([e.crop.row0, e.crop.col0, e.crop.height, e.crop.width]);
    expectClose(a.phaseOffset, e.phaseOffset, 1e-9, 0, 'phase offset');
    expectClose(a.gain, e.gain, 1e-9, 0, 'gain');
  });
});
