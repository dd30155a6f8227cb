import { describe, expect, it } from 'vitest';
import { createRng, type Reconstruction } from '@ptychojs/io';
import { simulateScan } from '@ptychojs/physics';
import { metricsRecord } from '../run-dir/metrics-record.js';
import { parseMetricsRecord } from '../run-dir/parse-metrics-record.js';
import { rawSubset } from './raw-subset.js';
import { selfConsistency, type ReconstructSubset } from './self-consistency.js';
import { selfConsistencyHtml } from '../report/self-consistency-html.js';
import { selfConsistencyPngs } from '../node/self-consistency-pngs.js';
import { selfConsistencySummary } from '../run-dir/self-consistency-summary.js';
import { checkScan } from '../scan/check-scan.js';
import { usableScan } from '../scan/usable-scan.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import { memoryScanSource } from '@ptychojs/io';

// A 112² random-field object, 7×7 grid at 8 px (centres 32 … 80), Poisson noise at 1e6 photons, N = 64.
const sim = simulateScan({ n: 64, object: { kind: 'grf', height: 112, width: 112 }, scan: { kind: 'grid', step: 8 }, nphotons: 1e6, seed: 5 });
const raw = scanInMemory(usableScan(checkScan(memoryScanSource({ ...sim.arrays }, 'sim.npz'), { command: 'epie' })).raw, Infinity, 'test');
const asRecon = (o: typeof sim.object, origin: [number, number] = [0, 0]): Reconstruction => ({
  object: o, canvasOrigin: origin, amplitude: Float32Array.from(o.re, (v, i) => Math.hypot(v, o.im[i]!)), phase: Float32Array.from(o.re, (v, i) => Math.atan2(o.im[i]!, v)),
});
const truth = asRecon(sim.object);

/** Each half "reconstructed" as the truth plus independent complex noise of standard deviation σ. */
function noisyHalves(sigma: number): ReconstructSubset {
  return async (_indices, half) => {
    const rng = createRng(100 + half), re = sim.object.re.map((v) => v + sigma * rng.normal()), im = sim.object.im.map((v) => v + sigma * rng.normal());
    return asRecon({ shape: sim.object.shape, re, im });
  };
}

describe('selfConsistency', () => {
  it('at the true object: residual ≈ 1 per pixel, the fluence and reliable region over the scan, overlap and probe reported', async () => {
    const { record, region } = await selfConsistency(raw, truth);
    // 49 × 4096 pixels: standard error of the mean deviance ≤ √(2/200704) = 0.003.
    expect(Math.abs(record.residuals.normalizedDeviance - 1)).toBeLessThan(0.03);
    expect(record.residuals.poorlyExplained.positions).toBe(0);
    expect(record.residuals.perPosition.normalizedDeviance).toHaveLength(raw.M);
    expect(record.residuals.histogram.counts.reduce((a, b) => a + b, 0)).toBe(raw.M);
    expect(record.residuals.worst).toHaveLength(10);
    expect(record.halfScanFrc).toBeNull();
    expect(record.halfScanFrcAbsent).toMatch(/no way to reconstruct/);
    // Grid step 8 px, default probe (rms 12.8 px → FWHM 21.3 px): linear overlap 1 − 8/21.3 = 0.62.
    expect(record.overlap!.step).toBeCloseTo(8, 9);
    expect(record.overlap!.linear).toBeCloseTo(1 - 8 / (1.665 * record.probe.rmsRadius), 9);
    expect(record.probe.change).toBeNull();
    // Φ = the mean counts per pattern ≈ nphotons; the box holds the scan's centre (56, 56).
    expect(record.fluence.photonsPerExposure / 1e6).toBeCloseTo(1, 2);
    const b = region.box!;
    expect(b.row0).toBeLessThan(56);
    expect(b.row0 + b.height).toBeGreaterThan(56);
  });

  it('the half-scan FRC: checkerboard split, registered halves, a resolution between 1 px and the object size that worsens with noisier halves', async () => {
    const clean = await selfConsistency(raw, truth, { reconstructSubset: noisyHalves(0.05), reconstructSubsetLabel: 'oracle' });
    const noisy = await selfConsistency(raw, truth, { reconstructSubset: noisyHalves(0.5) });
    const f = clean.record.halfScanFrc!, g = noisy.record.halfScanFrc!;
    expect(f.split).toBe('checkerboard');
    expect(f.positions).toEqual([25, 24]);
    expect(f.reconstruction).toBe('oracle');
    // Same frame, no shift: the registration finds none (to its 1/20 px grid).
    expect(Math.abs(f.registration.dx)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(f.registration.dy)).toBeLessThanOrEqual(0.05);
    expect(f.resolutionPixels).toBeGreaterThanOrEqual(1);
    expect(g.resolutionPixels).toBeGreaterThan(f.resolutionPixels);
    expect(f.resolutionNm).toBeNull(); // no pixel size in _metadata
    expect(f.curve.frequency.length).toBe(f.curve.threshold.length);
  });

  it('records the probe change, and the pictures and report section render', async () => {
    const initial = raw.probeGuess, probe = { shape: initial.shape, re: initial.re.map((v) => 2 * v), im: initial.im.map((v) => 2 * v) };
    const sc = await selfConsistency(raw, truth, { probe, initialProbe: initial, method: 'epie' });
    expect(sc.record.probe.change!.relativeChange).toBeLessThan(1e-6);
    expect(sc.record.probe.change!.scale).toBeCloseTo(2, 6);
    // The doubled probe is absorbed by the fitted scale: the residual is unchanged.
    expect(Math.abs(sc.record.residuals.normalizedDeviance - 1)).toBeLessThan(0.03);
    const pngs = selfConsistencyPngs(sc, truth, raw);
    for (const png of [pngs.residualMap, pngs.fluence, pngs.scan, pngs.probeAmplitude, pngs.reliableAmplitude!]) expect([...png.subarray(1, 4)]).toEqual([80, 78, 71]); // "PNG"
    const html = selfConsistencyHtml([{ label: 'ePIE <flat>', record: sc.record, images: [{ caption: 'map & more', png: pngs.residualMap }], metrics: null }]);
    expect(html).toContain('Quality without ground truth');
    expect(html).toContain('ePIE &lt;flat&gt;');
    expect(html).toContain('map &amp; more');
    expect(html).not.toContain('vs truth');
    expect(selfConsistencySummary(sc.record).probeChange).toBeLessThan(1e-6);
  });

  it('goes into metrics.json without a truth and reads back', async () => {
    const sc = await selfConsistency(raw, truth, { method: 'network' });
    const back = parseMetricsRecord(JSON.parse(JSON.stringify(metricsRecord(null, 'standard', [], { selfConsistency: sc.record, metricsAbsent: 'no objectGuess' }))), 'metrics.json');
    expect(back.metrics).toBeNull();
    expect(back.metricsAbsent).toBe('no objectGuess');
    expect(back.selfConsistency!.residuals.normalizedDeviance).toBeCloseTo(sc.record.residuals.normalizedDeviance, 12);
    expect(() => parseMetricsRecord({ metricsAbsent: 'x' }, 'm.json')).toThrow(/m\.json.*neither the ten metrics/);
  });
});

describe('rawSubset', () => {
  it('keeps the positions and patterns of the indices, in order', () => {
    const s = rawSubset(raw, [3, 1]);
    expect(s.M).toBe(2);
    expect([...s.xcoords]).toEqual([raw.xcoords[3], raw.xcoords[1]]);
    expect([...s.diff3d.subarray(0, 5)]).toEqual([...raw.diff3d.subarray(3 * 4096, 3 * 4096 + 5)]);
    expect(s.probeGuess).toBe(raw.probeGuess);
    expect(() => rawSubset(raw, [raw.M])).toThrow(/out of range/);
  });
});
