import { describe, expect, it } from 'vitest';
import { createRng, encodeNpz, InputError, parseNpz, toComplexArray, toRawData, toStrings } from '@ptychojs/io';
import { defaultProbe } from './default-probe.js';
import { grfObject } from './grf-object.js';
import { gridScan } from './grid-scan.js';
import { linesPinnObject } from './lines-pinn-object.js';
import { probeEnergyOutsideCentre } from './probe-energy-outside-centre.js';
import { probeRmsRadius } from './probe-rms-radius.js';
import { simulateScan } from './simulate-scan.js';

// N = 64 (a SUPPORTED_N, so toRawData accepts it) on a small 96×96 object, grid step 16 → 3×3.
const small = { n: 64, object: { kind: 'lines', height: 96, width: 96 }, scan: { kind: 'grid', step: 16 }, nphotons: 1e6 } as const;

describe('simulateScan', () => {
  it('returns raw-NPZ arrays that toRawData accepts, with the metadata in _metadata', () => {
    const sim = simulateScan({ ...small, seed: 7 });
    const raw = toRawData(sim.arrays, 'sim');
    expect(raw.M).toBe(9);
    expect(raw.N).toBe(64);
    expect(raw.objectGuess?.shape).toEqual([96, 96]);
    expect(Array.from(raw.xcoords)).toEqual([32, 48, 64, 32, 48, 64, 32, 48, 64]) // box [32, 64], step 16;
    expect(Array.from(raw.scanIndex)).toEqual(new Array(9).fill(0));
    expect(raw.metadata).toEqual(JSON.parse(JSON.stringify(sim.metadata)));
    expect(sim.metadata).toMatchObject({
      source: 'ptychojs simulate', nphotons: 1e6, noise: 'poisson', object: 'lines', probe: 'default', scan: 'grid',
      seed: 7, N: 64, M: 9, object_shape: [96, 96], params: { scan: { step: 16 }, object: { height: 96, width: 96 } },
    });
    expect(sim.metadata.dose_scale).toBeGreaterThan(0);
    expect(sim.metadata.probe_rms_radius).toBe(probeRmsRadius(sim.probe));
    expect(sim.metadata.probe_energy_outside_centre).toBe(probeEnergyOutsideCentre(sim.probe));
  });

  it("makes PtychoPINN's lines object (kind 'lines-pinn') from the object stream, with a wide probe by its defocus", () => {
    const sim = simulateScan({ ...small, object: { kind: 'lines-pinn', height: 96, width: 96 }, probe: { kind: 'default', defocusPhase: 17.6 }, seed: 3 });
    const root = createRng(3);
    expect(sim.object.re).toEqual(linesPinnObject({ height: 96, width: 96, rng: root.fork() }).re);
    expect(sim.metadata).toMatchObject({ object: 'lines-pinn', params: { probe: { defocusPhase: 17.6 } } });
    // defocus 1.1·R at N = 64: rms radius 15.5 px, 27% of the energy outside the central square (physics measurement).
    expect(sim.metadata.probe_rms_radius).toBeCloseTo(15.5, 1);
    expect(sim.metadata.probe_energy_outside_centre).toBeCloseTo(0.27, 2);
  });

  it('survives encodeNpz → parseNpz → toRawData unchanged', () => {
    const sim = simulateScan({ ...small, seed: 8 });
    const back = parseNpz(encodeNpz(sim.arrays));
    const raw = toRawData(back, 'sim.npz');
    expect(raw.diff3d).toEqual(sim.arrays.diff3d.data);
    expect(raw.probeGuess.re).toEqual(sim.probe.re);
    expect(toStrings(back._metadata!)[0]).toBe(JSON.stringify(sim.metadata));
  });

  it('puts nphotons counts per pattern on average (within 5 Poisson standard errors)', () => {
    const sim = simulateScan({ ...small, seed: 9 });
    // SE of the mean total = sqrt(nphotons / M) = 333.
    expect(Math.abs(sim.meanCounts - 1e6)).toBeLessThan(5 * Math.sqrt(1e6 / 9));
  });

  it('is repeatable per seed, and the noise model leaves object and positions unchanged', () => {
    const opts = { ...small, scan: { kind: 'jitter', step: 16 } } as const;
    const a = simulateScan({ ...opts, seed: 1 }), b = simulateScan({ ...opts, seed: 1 }), c = simulateScan({ ...opts, seed: 2 });
    expect(b.arrays.diff3d.data).toEqual(a.arrays.diff3d.data);
    expect(b.object.re).toEqual(a.object.re);
    expect(c.object.re).not.toEqual(a.object.re);
    expect(c.positions.xs).not.toEqual(a.positions.xs);
    const quiet = simulateScan({ ...opts, seed: 1, noise: 'none' });
    expect(quiet.object.re).toEqual(a.object.re);
    expect(quiet.positions).toEqual(a.positions);
    expect(quiet.arrays.diff3d.data).not.toEqual(a.arrays.diff3d.data);
  });

  it('uses given arrays and positions, labelled in the metadata', () => {
    const object = grfObject({ height: 80, width: 80, rng: createRng(3) });
    const probe = defaultProbe(64, { defocusPhase: 0 });
    const { xs, ys } = gridScan({ height: 80, width: 80, n: 64, step: 8 });
    const sim = simulateScan({
      object: { kind: 'array', array: object, label: 'from:obj.npz' }, probe: { kind: 'array', array: probe, label: 'from:probe.npz' },
      scan: { kind: 'positions', xs, ys, label: 'from:scan.npz' }, noise: 'none', nphotons: 1e6,
    });
    expect(toComplexArray(sim.arrays.objectGuess).re).toEqual(object.re);
    expect(toComplexArray(sim.arrays.probeGuess).im).toEqual(probe.im);
    expect(sim.positions.xs).toEqual(xs);
    expect(sim.metadata).toMatchObject({ object: 'from:obj.npz', probe: 'from:probe.npz', scan: 'from:scan.npz', N: 64, M: 9 });
  });

  it('uses the defaults: lines object of 2.5·N, default probe, jittered N/16 grid, 1e9 photons', () => {
    // At N = 16 for speed (object 40×40, step 1): not a SUPPORTED_N, but the simulator allows any power of two.
    const sim = simulateScan({ n: 16, noise: 'none' });
    expect(sim.object.shape).toEqual([40, 40]);
    expect(sim.metadata).toMatchObject({ object: 'lines', probe: 'default', scan: 'jitter', nphotons: 1e9, seed: 0, N: 16 });
    // Box [8, 32] shrunk by the jitter 0.25 → 23.5/1 → 24 positions per axis.
    expect(sim.metadata.M).toBe(24 * 24);
  });

  it('refuses a probe whose size differs from N, and a malformed object array, naming the file', () => {
    const probe = defaultProbe(32);
    expect(() => simulateScan({ n: 64, probe: { kind: 'array', array: probe, label: 'p.npz' } })).toThrow(/p\.npz.*probeGuess.*differs from N/);
    const bad = { shape: [10], re: new Float32Array(10), im: new Float32Array(10) };
    expect(() => simulateScan({ object: { kind: 'array', array: bad, label: 'o.npz' } })).toThrow(InputError);
    expect(() => simulateScan({ object: { kind: 'array', array: bad, label: 'o.npz' } })).toThrow(/o\.npz/);
  });
});
