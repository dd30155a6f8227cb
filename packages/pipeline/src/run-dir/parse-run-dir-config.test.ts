import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { resolveRunConfig } from '@ptychojs/model';
import { parseRunDirConfig } from './parse-run-dir-config.js';

/** A config.json as trainToRunDir writes it, after a JSON round trip. */
function valid(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({
    format: 'ptychojs-run', version: 1, ptychojs: '0.1.0', tfjs: '4.22.0', config: resolveRunConfig({ gridsize: 2, epochs: 3, nphotons: 1e6, objectExtent: 'full' }),
    data: { file: 'scan.npz', M: 529, N: 64, groups: 529 }, N: 64, gridsize: 2, K: 6, alpha: 0.032, intensityScale: 20.7,
    intensityScaleSource: 'objectGuess', probeScale: 64.1, probeSource: 'probeGuess of scan.npz, scaled to Σ|P|² = N²', canvasSize: 82,
    backend: { name: 'wasm', reason: 'wasm (SIMD, single thread) with ptychojs kernel fills' }, nphotonsSource: 'metadata',
    objectExtent: { extent: 'full', outsideFraction: 0.27, source: 'auto', reason: '27.3% of the probe energy lies outside the central N/2 square' }, stopReason: 'epochs', epochs: 3, seconds: 12.5, notes: [],
  })) as Record<string, unknown>;
}

/** The InputError thrown by parsing `value`. */
function errorOf(value: unknown): InputError {
  try {
    parseRunDirConfig(value, 'run/config.json');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

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
    const several = errorOf({ ...valid(), N: 100, stopReason: 'bored' });
    expect(several.problems).toHaveLength(2);
    expect(several.problems.join('\n')).toMatch(/key 'N'.*one of 64, 128, 256.*got 100/);
    expect(several.problems.join('\n')).toMatch(/key 'stopReason'.*"epochs"\|"early-stop"\|"requested"\|"time-budget".*got "bored"/);
  });

  it('refuses fields that contradict each other, naming the key', () => {
    expect(errorOf({ ...valid(), gridsize: 1 }).key).toBe('gridsize');
    expect(errorOf({ ...valid(), K: 5 }).key).toBe('K');
    expect(errorOf({ ...valid(), data: { file: 'a', M: 9, N: 128, groups: 9 } }).key).toBe('data.N');
    expect(errorOf({ ...valid(), canvasSize: 81 }).key).toBe('canvasSize');
    expect(errorOf({ ...valid(), config: { ...(valid().config as object), minLr: 1 } }).key).toBe('config.minLr');
  });

  it('says when the file is not a run configuration at all', () => {
    expect(errorOf([1, 2]).message).toMatch(/not a ptychojs run configuration.*got an array/);
    expect(errorOf({ ...valid(), format: 'other' }).message).toMatch(/key 'format'.*not a ptychojs run configuration/);
  });
});
