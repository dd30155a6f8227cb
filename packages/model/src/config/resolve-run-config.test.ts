import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { resolveRunConfig } from './resolve-run-config.js';
import { RUN_CONFIG_DEFAULTS } from './run-config.js';

function errorOf(f: () => unknown): InputError {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError');
}

describe('resolveRunConfig', () => {
  it('fills every SPEC §3 default from an empty input', () => {
    const c = resolveRunConfig({});
    expect(c).toEqual({
      gridsize: 2, K: 6, objectBig: true, objectExtent: 'auto', amplitudeActivation: 'sigmoid', phaseActivation: 'linear', probeTrainable: false, probeMask: false, smoothingSigma: 0,
      intensityScaleTrainable: false, nFiltersScale: 0.25, batchSize: 16, epochs: 50, nllWeight: 1, maeWeight: 0,
      tvWeight: 0, realspaceWeight: 0, lr: 1e-3, minLr: 1e-4, lrPatience: 2, earlyStopPatience: 3, validationFraction: 0.05,
      seed: 0, positionJitter: 0, inputIterations: 0,
    });
    expect(c).toEqual(RUN_CONFIG_DEFAULTS);
    expect(c.nGroups).toBeUndefined();
    expect(c.nphotons).toBeUndefined(); // from the data (the pipeline's resolveDose)
    expect(c.maxMinutes).toBeUndefined();
  });

  it('returns a frozen object', () => {
    const c = resolveRunConfig({ epochs: 3 });
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => { (c as { epochs: number }).epochs = 4; }).toThrow(TypeError);
  });

  it('coerces CLI strings and accepts kebab, snake and dotted spellings', () => {
    const c = resolveRunConfig({
      '--batch-size': '8', n_filters_scale: '0.5', 'object.big': 'false', 'probe.trainable': 'true',
      'intensity_scale.trainable': true, nepochs: 7, learning_rate: '2e-4', 'n-groups': '100', k: 4, gridsize: undefined,
    });
    expect(c).toMatchObject({
      batchSize: 8, nFiltersScale: 0.5, objectBig: false, probeTrainable: true, intensityScaleTrainable: true,
      epochs: 7, lr: 2e-4, nGroups: 100, K: 4, gridsize: 2,
    });
  });

  it('names key, expected and actual for a bad value', () => {
    const e = errorOf(() => resolveRunConfig({ 'batch-size': 'sixteen' }, { file: 'run.json' }));
    expect(e.key).toBe('batchSize');
    expect(e.expected).toBe('integer in 1..65536');
    expect(e.actual).toBe('"sixteen"');
    expect(e.file).toBe('run.json');
    expect(e.message).toBe(`run.json, key 'batchSize': invalid value for 'batch-size'; expected integer in 1..65536; got "sixteen"`);
  });

  it.each([
    [{ gridsize: 1.5 }, 'gridsize', '1.5'],
    [{ lr: 0 }, 'lr', '0'],
    [{ lr: -1e-3 }, 'lr', '-0.001'],
    [{ validationFraction: 0.9 }, 'validationFraction', '0.9'],
    [{ nphotons: 'Infinity' }, 'nphotons', '"Infinity"'],
    [{ objectBig: 'maybe' }, 'objectBig', '"maybe"'],
    [{ epochs: -1 }, 'epochs', '-1'],
    [{ inputIterations: 65 }, 'inputIterations', '65'],
  ])('rejects %j', (input, key, actual) => {
    const e = errorOf(() => resolveRunConfig(input));
    expect(e.key).toBe(key);
    expect(e.actual).toBe(actual);
  });

  it('rejects unknown keys with a suggestion, and collects every problem', () => {
    const e = errorOf(() => resolveRunConfig({ batchsizee: 4, epochs: -1 }));
    expect(e.key).toBe('batchsizee');
    expect(e.message).toMatch(/did you mean 'batchSize'/);
    expect(e.problems).toHaveLength(2);
    expect(e.problems[1]).toMatch(/key 'epochs'/);
  });

  it('checks K ≥ gridsize² − 1, non-zero loss, minLr ≤ lr, and conflicting spellings', () => {
    expect(errorOf(() => resolveRunConfig({ gridsize: 3, K: 6 })).key).toBe('K');
    expect(resolveRunConfig({ gridsize: 3, K: 8 }).K).toBe(8);
    expect(errorOf(() => resolveRunConfig({ nllWeight: 0 })).key).toBe('nllWeight');
    expect(resolveRunConfig({ nllWeight: 0, maeWeight: 1 }).maeWeight).toBe(1);
    expect(errorOf(() => resolveRunConfig({ lr: 1e-5 })).key).toBe('minLr');
    expect(errorOf(() => resolveRunConfig({ batchSize: 4, 'batch-size': 8 })).key).toBe('batchSize');
    // A caller's names (the CLI's flags) name the key in the message and in `key`, for values and cross-field checks alike.
    const named = errorOf(() => resolveRunConfig({ maxMinutes: 'abc' }, { names: { maxMinutes: '--max-minutes' } }));
    expect([named.key, named.message]).toEqual(['--max-minutes', "key '--max-minutes': invalid value for '--max-minutes'; expected number > 0 (minutes; or absent for no budget); got \"abc\""]);
    expect(errorOf(() => resolveRunConfig({ gridsize: 3, K: 6 }, { names: { K: '--k' } })).key).toBe('--k');
    expect(resolveRunConfig({ batchSize: 4, 'batch-size': 4 }).batchSize).toBe(4);
  });

  it('rejects a non-object input', () => {
    expect(errorOf(() => resolveRunConfig([1, 2])).actual).toBe('array of 2');
    expect(errorOf(() => resolveRunConfig('epochs=3')).actual).toBe('"epochs=3"');
  });
});
