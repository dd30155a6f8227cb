import { describe, expect, it } from 'vitest';
import { countsToAmplitude } from './counts-to-amplitude.js';
import { InputError } from './errors.js';

describe('countsToAmplitude', () => {
  it('is the square root, so amplitude² gives the counts back (SPEC §3)', () => {
    const counts = Uint16Array.from([0, 1, 4, 9, 1234, 65535]);
    const a = countsToAmplitude(counts);
    expect(Array.from(a.slice(0, 4))).toEqual([0, 1, 2, 3]);
    // float32 sqrt of integers < 2^16: relative error ≤ 2^-24, so a² is within 1e-7·c of c.
    for (let i = 0; i < counts.length; i++) expect(Math.abs(a[i]! ** 2 - counts[i]!)).toBeLessThanOrEqual(1e-7 * counts[i]! + 1e-12);
  });

  it('refuses negative or non-finite counts with an InputError naming file, key and index', () => {
    expect(() => countsToAmplitude([1, -2], { file: 'c.npz', key: 'diff3d' })).toThrow(InputError);
    expect(() => countsToAmplitude([1, -2], { file: 'c.npz', key: 'diff3d' })).toThrow(/^c\.npz, key 'diff3d': counts must be finite and ≥ 0 .*flat index 1/);
    expect(() => countsToAmplitude([Number.NaN])).toThrow(InputError);
    expect(() => countsToAmplitude([Infinity])).toThrow(InputError);
  });
});
