import { InputError, type ComplexArray } from '@ptychojs/io';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../test/fixtures.js';
import { evaluationCase, pattern } from '../test/fixture-images.js';
import { expectClose } from '../test/expect-close.js';
import { evaluateReconstruction } from './evaluate-reconstruction.js';
import { scanBoxFromPositions } from './scan-box-from-positions.js';

const KEYS = ['amp_msssim', 'phase_msssim', 'amp_ssim', 'phase_ssim', 'amp_psnr', 'phase_psnr', 'amp_mae', 'phase_mae', 'amp_frc50', 'phase_frc50'];

function object(H: number, W: number, f: (a: number, p: number, r: number, c: number) => [number, number] = (a, p) => [a, p]): ComplexArray {
  const a = pattern(H, W, 11), p = pattern(H, W, 12), re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const i = r * W + c, [A, P] = f(0.8 + 0.15 * a[i]!, 0.9 * p[i]!, r, c);
    re[i] = A * Math.cos(P); im[i] = A * Math.sin(P);
  }
  return { shape: [H, W], re, im };
}

describe('evaluateReconstruction', () => {
  it('reports exactly the SPEC §4 keys, and perfect scores for the truth itself', () => {
    const truth = object(90, 96), box = scanBoxFromPositions([20, 70.5, 44], [15, 30, 75.9]);
    const r = evaluateReconstruction(truth, [0, 0], truth, box);
    expect(Object.keys(r.metrics).sort()).toEqual([...KEYS].sort());
    expect(r.metrics).toEqual({ amp_msssim: 1, phase_msssim: 1, amp_ssim: 1, phase_ssim: 1, amp_psnr: Infinity, phase_psnr: Infinity, amp_mae: 0, phase_mae: 0, amp_frc50: 1, phase_frc50: 1 });
    expect(r.box).toEqual({ row0: 15, col0: 20, height: 61, width: 51 });
    expect(r.msssimScales).toBe(3);
    expect(r.frc.amp.value.every((v) => v === 1)).toBe(true);
  });

  // End to end against scripts/make_fixtures.py: placement by canvasOrigin, scan-box crop, both
  // profiles, all ten scores. Same complex64 inputs on both sides; float64 arithmetic throughout.
  it.each(['standard', 'ptychopinn'] as const)('matches the independent numpy evaluation (%s profile) to 1e-6 relative', (profile) => {
    const { truth, recon, origin } = evaluationCase(), e = fixtures.evaluation;
    const r = evaluateReconstruction(recon, origin, truth, e.scanBox, { profile });
    const want = e[profile];
    for (const k of KEYS as (keyof typeof want)[]) expectClose(r.metrics[k], want[k], 1e-6, 1e-12, `${profile} ${k}`);
    expect(r.box).toEqual(e.crop);
    if (profile === 'standard') expect(r.msssimScales).toBe(e.msssimScales);
  });

  it('ptychopinn profile: invariant to an amplitude scale and a phase plane, which the standard profile is not', () => {
    const truth = object(80, 84), box = { xmin: 8, xmax: 75, ymin: 6, ymax: 72 };
    const recon = object(80, 84, (a, p, r, c) => [2.5 * a, p + 0.3 + 0.008 * c - 0.006 * r]);
    const pp = evaluateReconstruction(recon, [0, 0], truth, box, { profile: 'ptychopinn' }).metrics;
    expect(pp.amp_mae).toBeLessThan(1e-6); // float32 inputs
    expect(pp.phase_mae).toBeLessThan(1e-6);
    expect(pp.amp_psnr).toBeGreaterThan(120); // cv2.PSNR with R = 255
    const st = evaluateReconstruction(recon, [0, 0], truth, box).metrics;
    expect(st.amp_mae).toBeLessThan(1e-6); // the LS gain removes a pure scale too
    expect(st.phase_mae).toBeGreaterThan(0.05); // …but a phase ramp is an error in the standard profile
  });

  it('ptychopinn profile gives OpenCV\u2019s 361.2 dB for identical images instead of ∞', () => {
    const truth = object(40, 40);
    const m = evaluateReconstruction(truth, [0, 0], truth, undefined, { profile: 'ptychopinn' }).metrics;
    expect(m.amp_psnr).toBeCloseTo(20 * Math.log10(255 / Number.EPSILON), 9);
    expect(m.amp_ssim).toBe(1);
  });

  it('falls back to L = 2π for a flat truth phase (range ≤ 1e-6 rad, e.g. float32 round-off) and says so', () => {
    const truth = object(40, 40, (a) => [a, 0.5]);
    const r = evaluateReconstruction(truth, [0, 0], truth);
    expect(r.dataRange?.phase).toBe(2 * Math.PI);
    expect(r.notes.join('\n')).toMatch(/phase truth is constant/);
  });

  it('throws InputError for an unknown profile or a crop smaller than the SSIM window', () => {
    const truth = object(40, 40);
    expect(() => evaluateReconstruction(truth, [0, 0], truth, undefined, { profile: 'x' as 'standard' })).toThrow(InputError);
    expect(() => evaluateReconstruction(truth, [0, 0], truth, { xmin: 5, xmax: 12, ymin: 5, ymax: 30 })).toThrow(/smaller than the 11×11 SSIM window/);
  });
});
