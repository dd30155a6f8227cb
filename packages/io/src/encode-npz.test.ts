import { describe, expect, it } from 'vitest';
import { encodeNpz } from './encode-npz.js';
import { ndarray } from './ndarray.js';
import { parseNpz } from './parse-npz.js';
import type { NdArray } from './types.js';

const arrays: Record<string, NdArray> = {
  diff3d: ndarray('f4', [3, 4, 5], Float32Array.from({ length: 60 }, (_, i) => Math.sqrt(i))),
  probeGuess: ndarray('c8', [2, 2], Float32Array.from([1, -1, 0.5, 0.25, -3, 2, 0, 1e-30])),
  xcoords: ndarray('f8', [3], Float64Array.from([0.1, 0.2, 0.3])),
  scan_index: ndarray('i8', [3], BigInt64Array.from([0n, -1n, 2n ** 62n])),
  scalar: ndarray('f8', [], Float64Array.from([Math.PI])),
  empty: ndarray('u2', [0, 7], new Uint16Array(0)),
  'nested/name': ndarray('b1', [2], Uint8Array.from([1, 0])),
};

describe('encodeNpz → parseNpz round trips exactly', () => {
  it.each([false, true])('compress=%s', (compress) => {
    const bytes = encodeNpz(arrays, { compress });
    const back = parseNpz(bytes, { verifyCrc: true });
    expect(Object.keys(back)).toEqual(Object.keys(arrays));
    for (const [k, a] of Object.entries(arrays)) {
      expect(back[k]!.dtype, k).toBe(a.dtype);
      expect(back[k]!.shape, k).toEqual(a.shape);
      expect(back[k]!.data, k).toEqual(a.data); // bit-exact
    }
  });

  it('is deterministic and compresses repetitive data', () => {
    const zeros = { z: ndarray('f4', [256, 256], new Float32Array(65536)) };
    const a = encodeNpz(zeros, { compress: true }), b = encodeNpz(zeros, { compress: true });
    expect(a).toEqual(b);
    // 256 KiB of zeros deflate to well under 1 KiB (≈1032:1 max ratio, plus headers).
    expect(a.length).toBeLessThan(2048);
    expect(encodeNpz(zeros).length).toBeGreaterThan(65536 * 4);
  });

  it("keeps a member named '__proto__' as an ordinary key", () => {
    const back = parseNpz(encodeNpz({ ['__proto__']: arrays.xcoords! })); // computed key: an own property
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('reads payloads in place from a stored archive (no copy where aligned)', () => {
    const big = { a: ndarray('u1', [1000], new Uint8Array(1000).fill(7)) };
    const bytes = encodeNpz(big);
    expect(parseNpz(bytes).a!.data.buffer).toBe(bytes.buffer);
  });
});
