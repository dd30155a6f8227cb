import { describe, expect, it } from 'vitest';
import { resolveRunConfig } from '@ptychojs/model';
import { inputErrorOf } from '../__fixtures__/input-error-of.js';
import { parseRunDirConfig } from './parse-run-dir-config.js';

/** A config.json as trainToRunDir writes it (format version 2), after a JSON round trip. */
function valid(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({
    format: 'ptychojs-run', version: 2, ptychojs: '0.1.0', tfjs: '4.22.0', config: resolveRunConfig({ gridsize: 2, epochs: 3, nphotons: 1e6, objectExtent: 'full' }),
    data: { file: 'scan.npz', M: 529, N: 64, groups: 529 }, alpha: 0.032, intensityScale: 20.7,
    intensityScaleSource: 'objectGuess', probeScale: 64.1, probeSource: 'probeGuess of scan.npz, scaled to Σ|P|² = N²', canvasSize: 82,
    backend: { name: 'wasm', reason: 'wasm (SIMD, single thread) with ptychojs kernel fills' }, nphotonsSource: 'metadata',
    objectExtentChoice: { outsideFraction: 0.27, source: 'auto', reason: '27.3% of the probe energy lies outside the central N/2 square' }, stopReason: 'epochs', epochs: 3, seconds: 12.5, notes: [],
  })) as Record<string, unknown>;
}

/** The same run's config.json in format version 1, which repeated N, gridsize, K and the extent. */
function validV1(): Record<string, unknown> {
  const { objectExtentChoice, ...v2 } = valid();
  return { ...v2, version: 1, N: 64, gridsize: 2, K: 6, objectExtent: { extent: 'full', ...(objectExtentChoice as object) } };
}

/** The InputError thrown by parsing `value`. */
const errorOf = (value: unknown) => inputErrorOf(() => parseRunDirConfig(value, 'run/config.json'));

describe('parseRunDirConfig', () => {
  it('accepts what training writes, with a frozen, fully resolved run configuration', () => {
    const rc = parseRunDirConfig(valid(), 'run/config.json');
    expect(rc.config.epochs).toBe(3);
    expect(rc.config.batchSize).toBe(16);
    expect(Object.isFrozen(rc.config)).toBe(true);
    expect(rc.canvasSize).toBe(82);
  });

  it('names the file and the dotted key, the expected and the actual value, of every wrong field', () => {
    const wrongType = errorOf({ ...valid(), alpha: 'big' });
    expect([wrongType.file, wrongType.key, wrongType.expected, wrongType.actual]).toEqual(['run/config.json', 'alpha', 'number', '"big"']);
    const nested = errorOf({ ...valid(), data: { file: 'scan.npz', M: 0, N: 64, groups: 529 } });
    expect([nested.key, nested.expected, nested.actual]).toEqual(['data.M', 'number ≥ 1', '0']);
    const inConfig = errorOf({ ...valid(), config: { ...(valid().config as object), epochs: 2.5 } });
    expect([inConfig.key, inConfig.actual]).toEqual(['config.epochs', '2.5']);
    const missing = errorOf({ ...valid(), canvasSize: undefined });
    expect([missing.key, missing.actual]).toEqual(['canvasSize', 'absent']);
    const unknown = errorOf({ ...valid(), extra: 1 });
    expect(unknown.actual).toMatch(/unknown key\(s\) extra/);
    const several = errorOf({ ...valid(), data: { file: 'scan.npz', M: 529, N: 100, groups: 529 }, stopReason: 'bored' });
    expect(several.problems).toHaveLength(2);
    expect(several.problems.join('\n')).toMatch(/key 'data.N'.*one of 64, 128, 256.*got 100/);
    expect(several.problems.join('\n')).toMatch(/key 'stopReason'.*"epochs"\|"early-stop"\|"time-budget"\|"snapshot".*got "bored"/);
  });

  it('refuses a canvas that does not fit N, and a config the model\'s rules refuse, naming the key', () => {
    expect(errorOf({ ...valid(), canvasSize: 81 }).key).toBe('canvasSize');
    expect(errorOf({ ...valid(), config: { ...(valid().config as object), minLr: 1 } }).key).toBe('config.minLr');
    expect(errorOf({ ...valid(), config: { ...(valid().config as object), objectExtent: 'auto' } }).key).toBe('config.objectExtent');
    expect(errorOf({ ...valid(), config: { ...(valid().config as object), nphotons: undefined } }).key).toBe('config.nphotons');
  });

  it('states each fact once in version 2: N, gridsize and K beside config are unknown keys', () => {
    for (const key of ['N', 'gridsize', 'K', 'objectExtent']) expect(errorOf({ ...valid(), [key]: 2 }).actual).toMatch(new RegExp(`unknown key\\(s\\) ${key}`));
  });

  it('reads version 1 as version 2: the same run, its copies checked and dropped, `requested` read as the time budget', () => {
    const v1 = parseRunDirConfig(validV1(), 'run/config.json');
    expect(v1).toEqual(parseRunDirConfig(valid(), 'run/config.json'));
    expect(v1.version).toBe(2);
    expect(v1.config.objectExtent).toBe('full');
    expect(parseRunDirConfig({ ...validV1(), stopReason: 'requested' }, 'f').stopReason).toBe('time-budget');
    // A version 1 config that left the extent `auto` takes the decision's extent.
    const auto = parseRunDirConfig({ ...validV1(), config: { ...(validV1().config as object), objectExtent: 'auto' } }, 'f');
    expect(auto.config.objectExtent).toBe('full');
  });

  it('refuses a version 1 file whose copies contradict each other, naming the key', () => {
    expect(errorOf({ ...validV1(), gridsize: 1 }).key).toBe('gridsize');
    expect(errorOf({ ...validV1(), K: 5 }).key).toBe('K');
    expect(errorOf({ ...validV1(), data: { file: 'a', M: 9, N: 128, groups: 9 } }).key).toBe('data.N');
    expect(errorOf({ ...validV1(), objectExtent: { extent: 'center', outsideFraction: 0.27, source: 'auto', reason: 'r' } }).key).toBe('objectExtent.extent');
    expect(errorOf({ ...validV1(), canvasSize: 81 }).key).toBe('canvasSize');
    expect(errorOf({ ...validV1(), config: { ...(validV1().config as object), nphotons: undefined } }).key).toBe('config.nphotons');
  });

  it('refuses a format version it does not know, naming the versions it reads', () => {
    const e = errorOf({ ...valid(), version: 3 });
    expect([e.key, e.expected, e.actual]).toEqual(['version', '1 or 2', '3']);
  });

  it('says when the file is not a run configuration at all', () => {
    expect(errorOf([1, 2]).message).toMatch(/not a ptychojs run configuration.*got an array/);
    expect(errorOf({ ...valid(), format: 'other' }).message).toMatch(/key 'format'.*not a ptychojs run configuration/);
  });
});
