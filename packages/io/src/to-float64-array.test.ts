import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { ndarray } from './ndarray.js';
import { toFloat32Array } from './to-float32-array.js';
import { toFloat64Array } from './to-float64-array.js';

describe('toFloat64Array / toFloat32Array', () => {
  it('return the data itself when the dtype already matches', () => {
    const a = ndarray('f8', [2], Float64Array.from([1, 2]));
    expect(toFloat64Array(a)).toBe(a.data);
    const b = ndarray('f4', [2], Float32Array.from([1, 2]));
    expect(toFloat32Array(b)).toBe(b.data);
  });

  it('convert every real dtype by value', () => {
    expect(Array.from(toFloat64Array(ndarray('i2', [3], Int16Array.from([-7, 0, 7]))))).toEqual([-7, 0, 7]);
    expect(Array.from(toFloat64Array(ndarray('u8', [1], BigUint64Array.from([2n ** 53n]))))).toEqual([2 ** 53]);
    expect(Array.from(toFloat64Array(ndarray('f4', [1], Float32Array.from([0.1]))))).toEqual([Math.fround(0.1)]);
    expect(Array.from(toFloat32Array(ndarray('f8', [1], Float64Array.from([0.1]))))).toEqual([Math.fround(0.1)]);
    expect(Array.from(toFloat32Array(ndarray('b1', [2], Uint8Array.from([0, 1]))))).toEqual([0, 1]);
  });

  it('refuse complex arrays with an InputError naming file, key and dtype', () => {
    const c = ndarray('c8', [2], new Float32Array(4));
    expect(() => toFloat64Array(c, { file: 'a.npz', key: 'xcoords' })).toThrow(InputError);
    expect(() => toFloat32Array(c, { file: 'a.npz', key: 'xcoords' })).toThrow("a.npz, key 'xcoords': expected a real numeric array; expected a float, int or bool dtype; got (2,) complex64");
  });
});
