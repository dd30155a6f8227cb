import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyNdArray, applyDamage, bytesOf, damage } from '../test/arbitraries.js';
import { encodeNpz } from './encode-npz.js';
import { isInputError } from './errors.js';
import { parseNpz } from './parse-npz.js';
import type { NdArray } from './types.js';

const keyName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_/]{0,11}$/).filter((k) => k !== '__proto__');
const archive = fc.dictionary(keyName, anyNdArray, { minKeys: 0, maxKeys: 4 });

describe('parseNpz (property-based, fast-check)', () => {
  it('reads back every archive encodeNpz writes, stored or deflated, bit for bit', () => {
    fc.assert(fc.property(archive, fc.boolean(), (arrays, compress) => {
      const back = parseNpz(encodeNpz(arrays, { compress }), { verifyCrc: true });
      expect(Object.keys(back)).toEqual(Object.keys(arrays));
      for (const [k, a] of Object.entries(arrays)) {
        const b = back[k] as NdArray;
        expect([b.dtype, b.shape]).toEqual([a.dtype, a.shape]);
        expect(bytesOf(b)).toEqual(bytesOf(a));
      }
    }), { numRuns: 300 });
  });

  it('damaged archives give arrays or an InputError naming the file, never another exception', () => {
    fc.assert(fc.property(archive, fc.boolean(), damage, fc.boolean(), (arrays, compress, ds, small) => {
      const bytes = applyDamage(encodeNpz(arrays, { compress }), ds);
      try {
        parseNpz(bytes, { file: 'fuzz.npz', verifyCrc: true, ...(small ? { maxBytes: 4096 } : {}) });
      } catch (e) {
        if (!isInputError(e)) throw e;
        expect((e as Error).message.startsWith('fuzz.npz')).toBe(true);
      }
    }), { numRuns: 1500 });
  });
});
