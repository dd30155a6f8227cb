import { describe, expect, it } from 'vitest';
import { defaultProbe, defocusForRmsRadius, farFieldIntensityInto, modelProbe } from '@ptychojs/physics';
import { resolvePretrainSpec } from './pretrain-spec.js';
import { pretrainingStream } from './pretraining-stream.js';
import { pretrainingGroups } from './pretraining-groups.js';
import { simulatePretrainingScan } from './simulate-pretraining-scan.js';

const probe = defaultProbe(64, { defocusPhase: defocusForRmsRadius(64, 15.5) });
const spec = resolvePretrainSpec(64, { patternsPerEpoch: 200, positionsPerScan: 36, validationScans: 2 });

describe('pretrainingStream', () => {
  it('draws each epoch as a pure function of (seed, epoch): the same again, another epoch differs', async () => {
    const grouping = { gridsize: 1, K: 6, seed: 3 };
    const a = pretrainingStream(spec, probe, grouping), b = pretrainingStream(spec, probe, grouping);
    const [e0, e0b, e1] = [await a.stream.epoch(0), await b.stream.epoch(0), await a.stream.epoch(1)];
    expect(e0b.X).toEqual(e0.X);
    expect(e1.X.length === e0.X.length && e1.X.every((v, i) => v === e0.X[i])).toBe(false);
    // At least patternsPerEpoch patterns, whole scans.
    expect(e0.X.length / (64 * 64)).toBeGreaterThanOrEqual(200);
    expect(a.validationScans).toHaveLength(2);
    expect(a.stream.validation!.X.length).toBe(a.validationScans.reduce((n, s) => n + s.raw.M, 0) * 64 * 64);
  });

  it('gives gridsize 2 a canvas that holds the largest step of the range', async () => {
    const s = pretrainingStream(resolvePretrainSpec(64, { patternsPerEpoch: 64, positionsPerScan: 16, validationScans: 1, stepRange: [16, 16] }), probe, { gridsize: 2, K: 6, seed: 1 });
    const e = await s.stream.epoch(0);
    let m = 0;
    for (const v of e.coordsRelative) m = Math.max(m, Math.abs(v));
    expect(s.stream.canvasSize).toBeGreaterThanOrEqual(64 + 2 * Math.ceil(m));
  });
});

describe('pretrainingGroups', () => {
  it('gives the truth in the model units: through the model probe it reproduces the normalized data X', () => {
    // A high dose, so Poisson noise is ~1e-4 of the signal.
    const scan = simulatePretrainingScan(resolvePretrainSpec(64, { doseRange: [1e9, 1e9], positionsPerScan: 16 }), probe, 11);
    const g = pretrainingGroups(scan, { gridsize: 1, K: 6, seed: 0 });
    const P = modelProbe(probe, 64).probe;
    const pr = Float64Array.from(P.re), pi = Float64Array.from(P.im);
    const NN = 64 * 64;
    let err = 0, tot = 0;
    const I = new Float64Array(NN);
    for (let b = 0; b < g.B; b++) {
      const wr = Float64Array.from(g.Y!.re.subarray(b * NN, (b + 1) * NN)), wi = Float64Array.from(g.Y!.im.subarray(b * NN, (b + 1) * NN));
      farFieldIntensityInto(pr, pi, wr, wi, 64, I);
      for (let k = 0; k < NN; k++) { const x = g.X[b * NN + k]!; err += (Math.sqrt(I[k]!) - x) ** 2; tot += x * x; }
    }
    // Relative amplitude misfit: Poisson noise at 1e9 photons and float32 rounding, measured ~1e-3.
    expect(Math.sqrt(err / tot)).toBeLessThan(0.01);
    // Normalized data: mean Σ X² = (N/2)².
    expect(tot / g.B).toBeCloseTo(32 * 32, 0);
  });
});
