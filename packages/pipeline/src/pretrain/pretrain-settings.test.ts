import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../__fixtures__/input-error-of.js';
import { pretrainSpecDefaults, resolvePretrainSpec } from './pretrain-spec.js';
import { pretrainEpochs, resolvePretrainRunSettings } from './pretrain-run-settings.js';

const names = { stepRange: '--step-range', doseRange: '--dose-range', families: '--families', positionsPerScan: '--positions-per-scan' };

describe('resolvePretrainSpec', () => {
  it('reads flag strings (lists, lo,hi ranges, integers) as the typed values, defaults for the rest', () => {
    const fromFlags = resolvePretrainSpec(64, { families: 'grf, blobs', doseRange: '1e4,1e6', positionsPerScan: '36' });
    expect(fromFlags).toEqual(resolvePretrainSpec(64, { families: ['grf', 'blobs'], doseRange: [1e4, 1e6], positionsPerScan: 36 }));
    expect(fromFlags.stepRange).toEqual(pretrainSpecDefaults(64).stepRange);
    expect(Object.isFrozen(fromFlags)).toBe(true);
  });

  it('names the flag, what it expects and what it got, for each kind of bad value', () => {
    const notRange = inputErrorOf(() => resolvePretrainSpec(64, { doseRange: '1e4' }, { names }));
    expect([notRange.key, notRange.expected]).toEqual(['--dose-range', 'lo,hi photons per pattern, 1 ≤ lo ≤ hi (e.g. 1e4,1e9)']);
    const part = inputErrorOf(() => resolvePretrainSpec(64, { doseRange: '1e4,lots' }, { names }));
    expect([part.key, part.actual]).toEqual(['--dose-range.1', '"1e4,lots"']); // the part that is not a number, in the text given
    expect(inputErrorOf(() => resolvePretrainSpec(64, { doseRange: '1e9,1e4' }, { names })).key).toBe('--dose-range');
    expect(inputErrorOf(() => resolvePretrainSpec(64, { families: 'grf,clouds' }, { names })).key).toMatch(/^--families/);
    expect(inputErrorOf(() => resolvePretrainSpec(64, { positionsPerScan: '3.5' }, { names })).key).toBe('--positions-per-scan');
    const overlap = inputErrorOf(() => resolvePretrainSpec(64, { stepRange: '4,40' }, { names }));
    expect([overlap.key, overlap.expected]).toEqual(['--step-range', 'max ≤ 32 px at N = 64']);
  });
});

describe('resolvePretrainRunSettings', () => {
  it('reads --n-patterns and a --snapshot-minutes list, sorted; none by default', () => {
    expect(resolvePretrainRunSettings({})).toEqual({ snapshotMinutes: [] });
    expect(resolvePretrainRunSettings({ nPatterns: '30000', snapshotMinutes: '30, 5,15' })).toEqual({ nPatterns: 30000, snapshotMinutes: [5, 15, 30] });
    // 30000 patterns at 8192 an epoch: ⌈3.66⌉ = 4 epochs; never fewer than one.
    expect(pretrainEpochs(30000, { patternsPerEpoch: 8192 })).toBe(4);
    expect(pretrainEpochs(1, { patternsPerEpoch: 8192 })).toBe(1);
  });

  it('refuses a count that is not a positive integer and minutes that are not positive, naming the flag', () => {
    const runNames = { nPatterns: '--n-patterns', snapshotMinutes: '--snapshot-minutes' };
    expect(inputErrorOf(() => resolvePretrainRunSettings({ nPatterns: '0' }, { names: runNames })).key).toBe('--n-patterns');
    expect(inputErrorOf(() => resolvePretrainRunSettings({ nPatterns: 'many' }, { names: runNames })).key).toBe('--n-patterns');
    const minutes = inputErrorOf(() => resolvePretrainRunSettings({ snapshotMinutes: '5,-1' }, { names: runNames }));
    expect(minutes.key).toMatch(/^--snapshot-minutes/);
    expect(minutes.expected).toBe('minutes > 0, comma-separated (e.g. 5,15,30)');
    expect(minutes.actual).toBe('"5,-1"'); // the text as given, not the part the schema split off
  });
});
