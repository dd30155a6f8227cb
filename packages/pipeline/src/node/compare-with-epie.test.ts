import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Reconstruction } from '@ptychojs/io';
import { memoryScanSource } from '@ptychojs/io';
import { evaluateReconstruction, scanBoxFromPositions } from '@ptychojs/metrics';
import { simulateScan } from '@ptychojs/physics';
import { checkScan } from '../scan/check-scan.js';
import { silentReporter } from '../__fixtures__/silent-reporter.js';
import { usableScan } from '../scan/usable-scan.js';
import { compareWithEpie } from './compare-with-epie.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptycho-compare-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A small noise-free scan: 96² grf object, 5×5 grid at step 8 (strong overlap), N = 64.
const sim = simulateScan({ n: 64, object: { kind: 'grf', height: 96, width: 96 }, scan: { kind: 'grid', step: 8 }, noise: 'none', seed: 4 });
const scan = usableScan(checkScan(memoryScanSource({ ...sim.arrays }, 'sim'), { command: 'run', gridsize: 1 }));
const raw = scan.raw;
const truth = { object: sim.object, scanBox: scanBoxFromPositions(raw.xcoords, raw.ycoords) };

/** A poor "network" output: the truth's central 60², amplitude smoothed to its mean ×0.3, phase zero, plus a global phase. */
function poorStart(): Reconstruction {
  const S = 60, o0 = 18, W = 96;
  const re = new Float32Array(S * S), im = new Float32Array(S * S), amplitude = new Float32Array(S * S), phase = new Float32Array(S * S);
  for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) {
    const k = (r + o0) * W + c + o0, a = 0.3 * Math.hypot(sim.object.re[k]!, sim.object.im[k]!), i = r * S + c;
    re[i] = a * Math.cos(1); im[i] = a * Math.sin(1); amplitude[i] = a; phase[i] = 1;
  }
  return { object: { shape: [S, S], re, im }, canvasOrigin: [o0, o0], amplitude, phase };
}

describe('compareWithEpie', () => {
  it("refines the network's object and runs ePIE from flat into refined/ and epie/, each scored like the network", async () => {
    const start = poorStart();
    const before = evaluateReconstruction(start.object, start.canvasOrigin, truth.object, truth.scanBox).metrics;
    const methods = await compareWithEpie(scan, dir, start, { refineIterations: 30, epieIterations: 30, rpieAlpha: 0.5, truth, networkSeconds: 12, reporter: silentReporter, halfScan: false });
    expect(methods.map((m) => m.method)).toEqual(['refined', 'epie']);
    const [refined, epie] = methods as [typeof methods[0], typeof methods[0]];
    for (const m of methods) {
      expect(m.iterations).toBe(30);
      expect(m.alpha).toBe(0.5);
      expect(m.seconds).toBeGreaterThan(0);
      for (const f of ['reconstruction.npz', 'reconstruction.json', 'amplitude.png', 'phase.png', 'cost.png', 'metrics.json', 'frc.png', 'residual_map.png', 'fluence.png', 'scan.png']) {
        expect(fs.existsSync(path.join(dir, m.dir, f)), `${m.dir}/${f}`).toBe(true);
      }
      // The writers hand back the bytes they wrote (what the report shows, never read back); the
      // self-consistency step's scan.png replaces the reconstruction writer's, on disk as here.
      expect([...m.pngs.keys()].sort()).toEqual(['amplitude.png', 'cost.png', 'phase.png', 'scan.png']);
      for (const [name, bytes] of m.pngs) if (name !== 'scan.png') expect(Buffer.from(bytes).equals(fs.readFileSync(path.join(dir, m.dir, name))), name).toBe(true);
      expect(m.quality.images.map((i) => path.basename(i.file))).toEqual(['amplitude_reliable.png', 'phase_reliable.png', 'residual_map.png', 'scan.png', 'fluence.png', 'probe_amplitude.png', 'probe_phase.png']);
      for (const i of m.quality.images) expect(Buffer.from(i.png).equals(fs.readFileSync(i.file)), i.file).toBe(true);
      // Noise-free data, 25 positions at 8 px with a 13 px rms probe: 30 iterations leave a misfit
      // of ≈ 6e-4 (measured); 2e-3 allows other position orders, a wrong start or geometry gives > 1e-1.
      expect(m.finalCost).toBeLessThan(2e-3);
    }
    expect(refined.totalSeconds).toBeCloseTo(12 + refined.seconds, 9);
    expect(epie.totalSeconds).toBe(epie.seconds);
    // The phase starts flat (SSIM 0.06 against the structured truth) and the refinement recovers it
    // (0.999 measured; both ≈ 0.99 in amplitude, whose start was exact up to the gain the metrics fit).
    expect(before.phase_ssim).toBeLessThan(0.2);
    expect(refined.metrics!.phase_ssim).toBeGreaterThan(0.97);
    expect(refined.metrics!.amp_ssim).toBeGreaterThan(0.95);
    expect(epie.metrics!.phase_ssim).toBeGreaterThan(0.97);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'refined', 'reconstruction.json'), 'utf8'));
    expect(json.init).toBe('network (recon/reconstruction.npz)');
  });

  it('runs nothing without iterations; without truth, metrics.json holds the self-consistency block alone, half-scan FRC included', async () => {
    expect(await compareWithEpie(scan, path.join(dir, 'none'), poorStart(), { networkSeconds: 1, reporter: silentReporter })).toEqual([]);
    const [e] = await compareWithEpie(scan, path.join(dir, 'nt'), poorStart(), { epieIterations: 20, networkSeconds: 1, reporter: silentReporter, metricsAbsent: 'no objectGuess' });
    expect(e!.metrics).toBeNull();
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'nt', 'epie', 'metrics.json'), 'utf8'));
    expect(m.amp_ssim).toBeUndefined();
    expect(m.metricsAbsent).toBe('no objectGuess');
    expect(m.selfConsistency.method).toBe('epie');
    expect(m.selfConsistency.residuals.perPosition.normalizedDeviance).toHaveLength(25);
    expect(m.selfConsistency.residuals.normalizedDeviance).toBeGreaterThan(0);
    expect(m.selfConsistency.halfScanFrc.split).toBe('checkerboard');
    expect(m.selfConsistency.halfScanFrc.positions).toEqual([13, 12]);
    expect(fs.existsSync(path.join(dir, 'nt', 'epie', 'frc.png'))).toBe(false);
  });
});
