import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../__fixtures__/input-error-of.js';
import { EPIE_SETTINGS_DEFAULTS, resolveEpieSettings } from './epie-settings.js';

describe('resolveEpieSettings', () => {
  it('fills every default from an empty input: 100 plain ePIE sweeps, probe fixed, seed 0', () => {
    const s = resolveEpieSettings({});
    expect(s).toEqual({ iterations: 100, rpieAlpha: 1, probeUpdate: false, probeAlpha: 1, seed: 0 });
    expect(s).toEqual(EPIE_SETTINGS_DEFAULTS);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('converts the strings of CLI flags and takes undefined as not given', () => {
    expect(resolveEpieSettings({ iterations: '30', rpieAlpha: '0.3', probeUpdate: true, probeAlpha: '0.5', seed: '-2' }))
      .toEqual({ iterations: 30, rpieAlpha: 0.3, probeUpdate: true, probeAlpha: 0.5, seed: -2 });
    expect(resolveEpieSettings({ iterations: undefined, rpieAlpha: '1e-1' })).toEqual({ ...EPIE_SETTINGS_DEFAULTS, rpieAlpha: 0.1 });
  });

  it.each([
    ['iterations', '0', 'integer ≥ 1', '"0"'],
    ['iterations', 2.5, 'integer ≥ 1', '2.5'],
    ['rpieAlpha', '0', 'number in (0, 1]', '"0"'],
    ['rpieAlpha', 1.5, 'number in (0, 1]', '1.5'],
    ['probeUpdate', 'maybe', 'boolean', '"maybe"'],
    ['probeAlpha', 'x', 'number in (0, 1]', '"x"'],
    ['seed', '0.5', 'integer', '"0.5"'],
  ] as const)('refuses a bad %s (%j), naming the key, the expected value and the actual one', (key, value, expected, actual) => {
    const e = inputErrorOf(() => resolveEpieSettings({ [key]: value }));
    expect(e).toMatchObject({ key, expected, actual });
  });

  it('names a key as the caller names it (the CLI flag), and refuses unknown keys', () => {
    const e = inputErrorOf(() => resolveEpieSettings({ rpieAlpha: '0' }, { names: { rpieAlpha: '--alpha' } }));
    expect(e.message).toBe(`key '--alpha': invalid ePIE setting; expected number in (0, 1]; got "0"`);
    expect(inputErrorOf(() => resolveEpieSettings({ alpha: 0.5 })).actual).toBe('unknown key(s) alpha');
    expect(inputErrorOf(() => resolveEpieSettings([])).expected).toBe('an object of ePIE settings');
  });
});
