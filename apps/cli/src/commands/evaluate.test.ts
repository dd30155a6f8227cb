import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { encodeNpz, encodeReconstruction, fromComplexArray, ndarray, parseNpz, toComplexArray } from '@ptychojs/io';
import { runPtycho, tempDir } from '../../test/run-ptycho.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

/** A smooth 96×96 complex object with amplitude 0.5…1 and phase ±1 rad, and a scan inside it. */
function truthFile(): { file: string; H: number; W: number; re: Float32Array; im: Float32Array } {
  const H = 96, W = 96, re = new Float32Array(H * W), im = new Float32Array(H * W);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const a = 0.75 + 0.25 * Math.sin(r / 5) * Math.cos(c / 7), p = Math.sin(c / 9) + 0.3 * Math.cos(r / 4);
    re[r * W + c] = a * Math.cos(p); im[r * W + c] = a * Math.sin(p);
  }
  const xs = new Float64Array([20, 76, 20, 76]), ys = new Float64Array([20, 20, 76, 76]);
  const file = path.join(tmp.dir, 'truth.npz');
  fs.writeFileSync(file, encodeNpz({ objectGuess: fromComplexArray({ shape: [H, W], re, im }, 'c8'), xcoords: ndarray('f8', [4], xs), ycoords: ndarray('f8', [4], ys) }));
  return { file, H, W, re, im };
}

/** Crop rows/cols [10, 86) of the truth as a reconstruction whose origin is (x0, y0). */
function reconFile(t: ReturnType<typeof truthFile>, origin: [number, number], name: string, phaseOffset = 0): string {
  const h = 76, w = 76, re = new Float32Array(h * w), im = new Float32Array(h * w);
  const c0 = Math.cos(phaseOffset), s0 = Math.sin(phaseOffset);
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) {
    const k = (r + 10) * t.W + (c + 10);
    re[r * w + c] = t.re[k]! * c0 - t.im[k]! * s0; im[r * w + c] = t.re[k]! * s0 + t.im[k]! * c0;
  }
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, encodeNpz({ ...encodeReconstruction({ object: { shape: [h, w], re, im }, canvasOrigin: origin }) }));
  return file;
}

describe('ptycho evaluate', () => {
  const t = truthFile();

  it('scores a perfect reconstruction (up to a global phase) as perfect, with the SPEC §4 keys', () => {
    const r = runPtycho(['evaluate', '--recon', reconFile(t, [10, 10], 'perfect.npz', 0.7), '--truth', t.file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(Object.keys(m).sort()).toEqual(['amp_frc50', 'amp_mae', 'amp_msssim', 'amp_psnr', 'amp_ssim', 'phase_frc50', 'phase_mae', 'phase_msssim', 'phase_psnr', 'phase_ssim']);
    // Float32 storage of the object limits agreement to ~1e-6; the phase offset is removed first.
    expect(m.amp_ssim).toBeGreaterThan(0.99999);
    expect(m.phase_ssim).toBeGreaterThan(0.99999);
    expect(m.amp_mae).toBeLessThan(1e-5);
    expect(m.amp_frc50).toBe(1);
    const png = decode(fs.readFileSync(path.join(tmp.dir, 'frc.png')));
    expect(png.width).toBeGreaterThan(100);
  });

  it('scores a reconstruction placed at the wrong origin worse', () => {
    const good = JSON.parse(runPtycho(['evaluate', '--recon', reconFile(t, [10, 10], 'good.npz'), '--truth', t.file, '--json']).stdout);
    const bad = JSON.parse(runPtycho(['evaluate', '--recon', reconFile(t, [13, 10], 'shifted.npz'), '--truth', t.file, '--json']).stdout);
    expect(bad.amp_ssim).toBeLessThan(good.amp_ssim - 0.05);
    expect(bad.phase_mae).toBeGreaterThan(good.phase_mae + 0.01);
  });

  it('--profile ptychopinn writes into a new --out directory', () => {
    const out = path.join(tmp.dir, 'new', 'dir');
    const r = runPtycho(['evaluate', '--recon', reconFile(t, [10, 10], 'pp.npz'), '--truth', t.file, '--profile', 'ptychopinn', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).amp_ssim).toBeGreaterThan(0.999);
    expect(fs.existsSync(path.join(out, 'frc.png'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'metrics.json'))).toBe(true);
  });

  it('--data without --truth: data residuals, fluence and, with --half-scan epie:K, the half-scan FRC, for a reconstruction made by any tool', () => {
    const scanFile = path.join(tmp.dir, 'scan.npz');
    const sim = runPtycho(['simulate', '--out', scanFile, '--object', 'grf', '--object-size', '112', '--scan', 'grid', '--step', '8', '--nphotons', '1e6', '--seed', '3', '--quiet']);
    expect(sim.code, sim.stderr).toBe(0);
    const arrays = parseNpz(new Uint8Array(fs.readFileSync(scanFile)));
    const truthObj = arrays.objectGuess!;
    delete (arrays as Record<string, unknown>).objectGuess;
    const noTruth = path.join(tmp.dir, 'scan-no-truth.npz');
    fs.writeFileSync(noTruth, encodeNpz(arrays));
    // "Any tool": the true object itself as the reconstruction, in the reconstruction contract.
    const exact = path.join(tmp.dir, 'exact', 'reconstruction.npz');
    fs.mkdirSync(path.dirname(exact));
    fs.writeFileSync(exact, encodeNpz({ ...encodeReconstruction({ object: toComplexArray(truthObj), canvasOrigin: [0, 0] }) }));
    const r = runPtycho(['evaluate', '--recon', exact, '--data', noTruth, '--half-scan', 'epie:10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.amp_ssim).toBeUndefined();
    // Poisson data drawn from this very object: the residual is the counting noise (49 × 4096 pixels, ±0.01).
    expect(Math.abs(out.selfConsistency.normalizedDeviance - 1)).toBeLessThan(0.03);
    expect(out.selfConsistency.halfScanFrc.split).toBe('checkerboard');
    expect(out.selfConsistency.halfScanFrc.resolutionPixels).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toMatch(/half-scan FRC \(½-bit\): [\d.]+ px/);
    const m = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'exact', 'metrics.json'), 'utf8'));
    expect(m.metricsAbsent).toMatch(/no ground truth/);
    for (const f of ['residual_map.png', 'fluence.png', 'scan.png']) expect(fs.existsSync(path.join(tmp.dir, 'exact', f)), f).toBe(true);
    // With objectGuess in --data, both kinds side by side.
    const both = runPtycho(['evaluate', '--recon', exact, '--data', scanFile, '--out', path.join(tmp.dir, 'both'), '--json']);
    expect(both.code, both.stderr).toBe(0);
    const b = JSON.parse(both.stdout);
    expect(b.amp_ssim).toBeGreaterThan(0.999);
    expect(b.selfConsistency.halfScanFrc).toBeNull();
    expect(b.selfConsistency.halfScanFrcAbsent).toMatch(/--half-scan/);
  });

  it('exits 2 naming the flag without --truth and --data, and for a bad --half-scan', () => {
    const recon = reconFile(t, [10, 10], 'y.npz');
    const none = runPtycho(['evaluate', '--recon', recon]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--truth/);
    const bad = runPtycho(['evaluate', '--recon', recon, '--data', t.file, '--half-scan', 'epie:0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--half-scan/);
  });

  it('exits 2 naming the key when the truth has no objectGuess', () => {
    const file = path.join(tmp.dir, 'no-truth.npz');
    fs.writeFileSync(file, encodeNpz({ xcoords: ndarray('f8', [1], new Float64Array(1)) }));
    const r = runPtycho(['evaluate', '--recon', reconFile(t, [10, 10], 'x.npz'), '--truth', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/objectGuess/);
  });
});
