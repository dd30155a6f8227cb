import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../__fixtures__/input-error-of.js';
import { resolveSimulationSettings, SIMULATION_SETTINGS_DEFAULTS } from './simulation-settings.js';

describe('resolveSimulationSettings', () => {
  it('fills the defaults from an empty input: lines under the default probe, jittered, 1e6 counts with Poisson noise, N = 64, seed 0', () => {
    const s = resolveSimulationSettings({});
    expect(s).toEqual({ n: 64, nphotons: 1e6, noise: 'poisson', seed: 0, object: 'lines', probe: 'default', scan: 'jitter' });
    expect(s).toEqual(SIMULATION_SETTINGS_DEFAULTS);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('converts the strings of CLI flags: numbers, an object size H or HxW, from:FILE.npz', () => {
    const s = resolveSimulationSettings({
      n: '128', nphotons: '1e5', noise: 'none', seed: '3', object: 'lines-pinn', lines: '40', objectSize: ' 200x240 ',
      probe: 'from:p.npz', scan: 'spiral', step: '2.5', count: '50', probeRms: undefined,
    });
    expect(s).toEqual({
      n: 128, nphotons: 1e5, noise: 'none', seed: 3, object: 'lines-pinn', lines: 40, objectSize: { height: 200, width: 240 },
      probe: 'from:p.npz', scan: 'spiral', step: 2.5, count: 50,
    });
    expect(resolveSimulationSettings({ objectSize: '160' }).objectSize).toEqual({ height: 160, width: 160 });
    expect(resolveSimulationSettings({ objectSize: 96, probeDefocus: '-3' })).toMatchObject({ objectSize: { height: 96, width: 96 }, probeDefocus: -3 });
  });

  it.each([
    ['n', '100', 'one of 64, 128, 256', '"100"'],
    ['nphotons', '0', 'number > 0', '"0"'],
    ['nphotons', 'Infinity', 'number > 0', '"Infinity"'],
    ['noise', 'gauss', "'poisson' or 'none'", '"gauss"'],
    ['seed', '1.5', 'integer', '"1.5"'],
    ['object', 'cat', "'lines', 'lines-pinn', 'grf' or 'from:FILE.npz'", '"cat"'],
    ['object', 'from:', "'lines', 'lines-pinn', 'grf' or 'from:FILE.npz'", '"from:"'],
    ['lines', '0', 'integer ≥ 1', '"0"'],
    ['objectSize', '20x', 'H or HxW in pixels, e.g. 160 or 200x240', '"20x"'],
    ['probe', 'gaussian', "'default' or 'from:FILE.npz'", '"gaussian"'],
    ['probeRms', '-1', 'number > 0 (pixels)', '"-1"'],
    ['probeDefocus', 'NaN', 'finite number (radians)', '"NaN"'],
    ['scan', 'raster', "'grid', 'jitter', 'random', 'spiral' or 'from:FILE.npz'", '"raster"'],
    ['step', '0', 'number > 0 (pixels)', '"0"'],
    ['count', '2.5', 'integer ≥ 1', '"2.5"'],
  ] as const)('refuses a bad %s (%j), naming the key, the expected value and the actual one', (key, value, expected, actual) => {
    expect(inputErrorOf(() => resolveSimulationSettings({ [key]: value }))).toMatchObject({ key, expected, actual });
  });

  it.each([
    [{ object: 'grf', lines: '9' }, '--lines', '--lines applies to line objects only', '--object lines or lines-pinn', '--object grf'],
    [{ probe: 'from:p.npz', probeDefocus: '3' }, '--probe-defocus', 'a probe read from a file has its own size', '--probe default', '--probe from:p.npz'],
    [{ probeRms: '12', probeDefocus: '3' }, '--probe-rms', 'give the probe size one way', '--probe-rms or --probe-defocus', 'both'],
    [{ scan: 'random' }, '--count', 'a random scan needs a position count', 'integer ≥ 1', 'absent'],
  ] as const)('refuses settings that do not go together (%j), naming the setting to change as the caller names it', (input, key, message, expected, actual) => {
    const names = { lines: '--lines', object: '--object', probe: '--probe', probeRms: '--probe-rms', probeDefocus: '--probe-defocus', count: '--count' };
    const e = inputErrorOf(() => resolveSimulationSettings(input, { names }));
    expect(e).toMatchObject({ key, expected, actual });
    expect(e.message.startsWith(`key '${key}': ${message}`)).toBe(true);
  });
});
