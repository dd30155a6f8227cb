// parseNpz against archives whose headers disagree with each other (SPEC §2 "Safety"): every
// size is checked before anything is allocated from it, and a disagreement is an InputError.
import { describe, expect, it } from 'vitest';
import { encodeNpz } from './encode-npz.js';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';

const arrays = { a: ndarray('f8', [4], Float64Array.from([1, 2, 3, 4])), b: ndarray('u1', [3], Uint8Array.from([7, 8, 9])) };
const error = (bytes: Uint8Array): InputError => {
  try { parseNpz(bytes, { file: 'h.npz' }); } catch (e) { expect(e).toBeInstanceOf(InputError); return e as InputError; }
  throw new Error('expected an InputError');
};
/** Offsets of the first local header (0) and of the first central-directory entry. */
function central(z: Uint8Array): number {
  const dv = new DataView(z.buffer, z.byteOffset);
  return dv.getUint32(z.length - 6, true);
}

describe('parseNpz checks headers against each other before allocating', () => {
  for (const compress of [false, true]) {
    const kind = compress ? 'deflated' : 'stored';
    it(`reads the untouched ${kind} archive`, () => {
      expect(Object.keys(parseNpz(encodeNpz(arrays, { compress })))).toEqual(['a', 'b']);
    });

    it(`${kind}: a local header whose sizes differ from the central directory's`, () => {
      const z = encodeNpz(arrays, { compress });
      new DataView(z.buffer).setUint32(22, 1 << 30, true); // local uncompressed size of 'a'
      const e = error(z);
      expect(e.key).toBe('a');
      expect(e.message).toMatch(/local header declares .* the central directory .*lying header/);
    });

    it(`${kind}: a local header that names another member (two tools would read two files)`, () => {
      const z = encodeNpz(arrays, { compress });
      z[30] = 'b'.charCodeAt(0); // local name 'a.npy' → 'b.npy'
      expect(error(z).message).toMatch(/local header names the member 'b\.npy' but the central directory 'a\.npy'/);
    });

    it(`${kind}: a size of 0xffffffff without a ZIP64 extra field`, () => {
      const z = encodeNpz(arrays, { compress });
      new DataView(z.buffer).setUint32(central(z) + 24, 0xffffffff, true);
      expect(error(z).message).toMatch(/'a\.npy' has a size or offset of 0xffffffff but no ZIP64 extra field/);
    });

    it(`${kind}: two central entries sharing one member's bytes (overlap)`, () => {
      const z = encodeNpz(arrays, { compress });
      const dv = new DataView(z.buffer);
      const cd = central(z);
      const second = cd + 46 + dv.getUint16(cd + 28, true); // central entry of 'b'
      dv.setUint32(second + 42, 0, true); // … pointed at 'a's local header
      expect(error(z).message).toMatch(/overlap/);
    });
  }

  it('an NPY header that declares more than the stored member holds (checked before reading the payload)', () => {
    const z = encodeNpz(arrays);
    const i = new TextDecoder('latin1').decode(z).indexOf("'shape': (4,)");
    z[i + 10] = '9'.charCodeAt(0); // (4,) → (9,): 72 bytes declared, 32 present
    const e = error(z);
    expect(e.key).toBe('a');
    expect(e.message).toMatch(/the zip header and the NPY header disagree about the member's size/);
  });
});
