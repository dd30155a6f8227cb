import { describe, expect, it } from 'vitest';
import { fftshift2 } from './fftshift2.js';
import { ifftshift2 } from './ifftshift2.js';

describe('fftshift2', () => {
  it('moves element (0, 0) to (N/2, N/2) like numpy.fft.fftshift', () => {
    // numpy: np.fft.fftshift(np.arange(16).reshape(4, 4)) → rows [10 11 8 9], [14 15 12 13], [2 3 0 1], [6 7 4 5]
    const a = Float64Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(fftshift2(a, 4))).toEqual([10, 11, 8, 9, 14, 15, 12, 13, 2, 3, 0, 1, 6, 7, 4, 5]);
  });

  it('is its own inverse for even sizes, and equals ifftshift2 there', () => {
    const a = Float32Array.from({ length: 2 * 8 * 6 }, (_, i) => Math.sin(i));
    expect(fftshift2(fftshift2(a, 8, 6), 8, 6)).toEqual(a);
    expect(ifftshift2(a, 8, 6)).toEqual(fftshift2(a, 8, 6));
  });

  it('is undone by ifftshift2 for odd sizes (numpy: fftshift(arange(3)) = [2, 0, 1])', () => {
    const a = Float64Array.from({ length: 15 }, (_, i) => i);
    expect(Array.from(fftshift2(new Float64Array([0, 1, 2]), 1, 3))).toEqual([2, 0, 1]);
    expect(ifftshift2(fftshift2(a, 3, 5), 3, 5)).toEqual(a);
    expect(fftshift2(a, 3, 5)).not.toEqual(ifftshift2(a, 3, 5));
  });

  it('keeps the array type and shifts each image of a stack', () => {
    const a = new Float32Array([1, 0, 0, 0, 0, 0, 0, 2]);
    const s = fftshift2(a, 2);
    expect(s).toBeInstanceOf(Float32Array);
    expect(Array.from(s)).toEqual([0, 0, 0, 1, 2, 0, 0, 0]);
  });
});
