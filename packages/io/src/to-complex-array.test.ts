import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { fromComplexArray } from './from-complex-array.js';
import { ndarray } from './ndarray.js';
import { stringArray } from './string-array.js';
import { toComplexArray } from './to-complex-array.js';

describe('toComplexArray / fromComplexArray', () => {
  it('de-interleaves c8 into re/im planes and back exactly', () => {
    const a = ndarray('c8', [2, 2], Float32Array.from([1, -1, 2, -2, 3, -3, 4, 0.5]));
    const c = toComplexArray(a);
    expect(c.shape).toEqual([2, 2]);
    expect(Array.from(c.re)).toEqual([1, 2, 3, 4]);
    expect(Array.from(c.im)).toEqual([-1, -2, -3, 0.5]);
    expect(fromComplexArray(c)).toEqual(a);
  });

  it('rounds c16 to float32 and widens back to c16', () => {
    const a = ndarray('c16', [1], Float64Array.from([Math.PI, -Math.E]));
    const c = toComplexArray(a);
    expect(c.re[0]).toBe(Math.fround(Math.PI));
    const b = fromComplexArray(c, 'c16');
    expect(b.dtype).toBe('c16');
    expect(Array.from(b.data as Float64Array)).toEqual([Math.fround(Math.PI), Math.fround(-Math.E)]);
  });

  it('gives real arrays (float, int, int64, bool) a zero imaginary plane', () => {
    expect(Array.from(toComplexArray(ndarray('i8', [2], BigInt64Array.from([-3n, 5n]))).re)).toEqual([-3, 5]);
    const f = ndarray('f4', [3], Float32Array.from([1, 2, 3]));
    const c = toComplexArray(f);
    expect(Array.from(c.re)).toEqual([1, 2, 3]);
    expect(Array.from(c.im)).toEqual([0, 0, 0]);
    expect(c.re).not.toBe(f.data); // planes are independent of the input
    expect(Array.from(toComplexArray(ndarray('b1', [2], Uint8Array.from([1, 0]))).re)).toEqual([1, 0]);
  });

  it('refuses strings with an InputError naming the key; checks plane lengths', () => {
    expect(() => toComplexArray(stringArray('x'), { key: 'k' })).toThrow(InputError);
    expect(() => toComplexArray(stringArray('x'), { key: 'k' })).toThrow(/key 'k'/);
    expect(() => fromComplexArray({ shape: [2], re: new Float32Array(2), im: new Float32Array(1) })).toThrow(RangeError);
  });
});
