import { describe, expect, it } from 'vitest';
import { fromComplexArray, InputError, ndarray, type ComplexArray, type NdArray } from '@ptychojs/io';
import { defaultProbe, defaultProbeDefocus, defocusForRmsRadius } from '@ptychojs/physics';
import { resolveSimulationSettings } from './simulation-settings.js';
import { simulationSpec, type ReadNpzArrays } from './simulation-spec.js';

const complex = (h: number, w: number): ComplexArray => ({ re: new Float32Array(h * w).fill(1), im: new Float32Array(h * w), shape: [h, w] });

/** A `read` over files held in memory; records what was asked. */
function memoryFiles(files: Record<string, Record<string, NdArray>>): ReadNpzArrays & { asked: string[] } {
  const asked: string[] = [];
  const read = (file: string, keys: readonly string[]) => {
    asked.push(`${file}:${keys.join(',')}`);
    return Object.fromEntries(keys.filter((k) => files[file]?.[k]).map((k) => [k, files[file]![k]!]));
  };
  return Object.assign(read, { asked });
}

describe('simulationSpec', () => {
  it('asks simulateScan for the defaults: lines, the default probe (defocus 0.9·R), a jittered scan of step N/16', () => {
    const spec = simulationSpec(resolveSimulationSettings({}), memoryFiles({}));
    expect(spec.options).toEqual({ n: 64, object: { kind: 'lines' }, probe: { kind: 'default' }, scan: { kind: 'jitter', step: 4 }, nphotons: 1e6, noise: 'poisson', seed: 0 });
    expect(spec.probeDefocus).toBe(defaultProbeDefocus(64));
    expect(spec.probeDefocus).toBe(14.4);
  });

  it('passes sizes, line counts, steps and counts to the kinds that take them', () => {
    const s = (input: Record<string, unknown>) => simulationSpec(resolveSimulationSettings(input), memoryFiles({})).options;
    expect(s({ object: 'lines-pinn', objectSize: '96x80', lines: '9' }).object).toEqual({ kind: 'lines-pinn', height: 96, width: 80, lines: 9 });
    expect(s({ object: 'grf', objectSize: '100' }).object).toEqual({ kind: 'grf', height: 100, width: 100 });
    expect(s({ n: '128', scan: 'grid' }).scan).toEqual({ kind: 'grid', step: 8 });
    expect(s({ scan: 'spiral', step: '3', count: '20' }).scan).toEqual({ kind: 'spiral', step: 3, count: 20 });
    expect(s({ scan: 'random', count: '20' }).scan).toEqual({ kind: 'random', count: 20 });
    expect(s({ probeDefocus: '2' }).probe).toEqual({ kind: 'default', defocusPhase: 2 });
  });

  it('solves the default probe\'s defocus for an rms radius, and names the setting when no defocus gives it', () => {
    const spec = simulationSpec(resolveSimulationSettings({ probeRms: '15.5' }), memoryFiles({}));
    expect(spec.options.probe).toEqual({ kind: 'default', defocusPhase: defocusForRmsRadius(64, 15.5) });
    expect(spec.probeDefocus).toBe(defocusForRmsRadius(64, 15.5));
    let e: unknown;
    try { simulationSpec(resolveSimulationSettings({ probeRms: '40' }), memoryFiles({}), { names: { probeRms: '--probe-rms' } }); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ key: '--probe-rms', actual: '40' });
  });

  it('takes the object, probe and positions of from:FILE.npz through read, labelled with the setting', () => {
    const probe = defaultProbe(64);
    const read = memoryFiles({
      'o.npz': { objectGuess: fromComplexArray(complex(100, 90)) },
      'p.npz': { probeGuess: fromComplexArray(probe) },
      's.npz': { xcoords: ndarray('f8', [2], new Float64Array([40, 50])), ycoords: ndarray('f8', [2], new Float64Array([41, 51])) },
    });
    const spec = simulationSpec(resolveSimulationSettings({ object: 'from:o.npz', probe: 'from:p.npz', scan: 'from:s.npz' }), read);
    expect(read.asked).toEqual(['o.npz:objectGuess', 'p.npz:probeGuess', 's.npz:xcoords,ycoords']);
    expect(spec.options.object).toMatchObject({ kind: 'array', label: 'from:o.npz', array: { shape: [100, 90] } });
    expect(spec.options.probe).toMatchObject({ kind: 'array', label: 'from:p.npz', array: { shape: [64, 64] } });
    expect(spec.options.scan).toEqual({ kind: 'positions', xs: new Float64Array([40, 50]), ys: new Float64Array([41, 51]), label: 'from:s.npz' });
    expect(spec.probeDefocus).toBeUndefined();
  });

  it('names the file and the missing key when a file lacks its array', () => {
    const read = memoryFiles({ 'x.npz': { xcoords: ndarray('f8', [1], new Float64Array(1)) } });
    for (const [input, key] of [[{ object: 'from:x.npz' }, 'objectGuess'], [{ probe: 'from:x.npz' }, 'probeGuess'], [{ scan: 'from:x.npz' }, 'ycoords']] as const) {
      expect(() => simulationSpec(resolveSimulationSettings(input), read)).toThrow(expect.objectContaining({ file: 'x.npz', key, actual: 'absent' }));
    }
  });
});
