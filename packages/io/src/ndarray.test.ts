import { describe, expect, it } from 'vitest';
import { ndarray } from './ndarray.js';

describe('ndarray', () => {
  it('accepts matching dtype, shape and storage, without copying', () => {
    const d = new Float32Array(12);
    const a = ndarray('c8', [2, 3], d);
    expect(a.data).toBe(d);
    expect(ndarray('f8', [], new Float64Array(1)).shape).toEqual([]);
    expect(ndarray('U', [2], new Uint32Array(6)).shape).toEqual([2]);
  });

  it('refuses wrong storage types, lengths and shapes', () => {
    expect(() => ndarray('f8', [2], new Float32Array(2))).toThrow(/needs a Float64Array, got Float32Array/);
    expect(() => ndarray('c8', [2], new Float32Array(2))).toThrow(/needs 4 elements \(interleaved re, im\), got 2/);
    expect(() => ndarray('i8', [1], new Int32Array(1) as never)).toThrow(TypeError);
    expect(() => ndarray('f4', [-1], new Float32Array(0))).toThrow(RangeError);
    expect(() => ndarray('f4', [1.5], new Float32Array(1))).toThrow(RangeError);
    expect(() => ndarray('U', [2], new Uint32Array(3))).toThrow(RangeError);
  });
});
