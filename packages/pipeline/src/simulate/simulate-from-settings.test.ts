import { describe, expect, it } from 'vitest';
import { encodeNpz, InputError } from '@ptychojs/io';
import { simulateScan } from '@ptychojs/physics';
import { silentReporter } from '../__fixtures__/silent-reporter.js';
import { resolveSimulationSettings } from './simulation-settings.js';
import { simulateFromSettings } from './simulate-from-settings.js';
import { simulationSpec } from './simulation-spec.js';

const noFiles = () => { throw new Error('no file should be read'); };

describe('simulateFromSettings', () => {
  it('simulates the scan of the settings\' spec, byte for byte, and checks it as a scan for simulate', () => {
    const settings = resolveSimulationSettings({ object: 'grf', objectSize: '96', scan: 'grid', step: '12', seed: '2', nphotons: '1e5' });
    const res = simulateFromSettings(settings, noFiles, { file: 'sim.npz', reporter: silentReporter });
    const want = simulateScan(simulationSpec(settings, noFiles).options);
    expect(Buffer.from(encodeNpz({ ...res.sim.arrays })).equals(Buffer.from(encodeNpz({ ...want.arrays })))).toBe(true);
    expect(res.checked.command).toBe('simulate');
    expect(res.checked.raw.M).toBe(want.metadata.M);
    expect(res.probeDefocus).toBe(14.4);
  });

  it('refuses, under --strict, a scan whose check warns', () => {
    // A step beyond N/2: neighbouring illuminations cannot overlap (step-exceeds-probe).
    const settings = resolveSimulationSettings({ objectSize: '160', scan: 'grid', step: '40' });
    expect(() => simulateFromSettings(settings, noFiles, { file: 'sim.npz', reporter: silentReporter })).not.toThrow();
    expect(simulateFromSettings(settings, noFiles, { file: 'sim.npz', reporter: silentReporter }).checked.warnings.map((w) => w.code)).toContain('step-exceeds-probe');
    expect(() => simulateFromSettings(settings, noFiles, { file: 'sim.npz', reporter: silentReporter, strict: true })).toThrow(InputError);
  });
});
