import { describe, expect, it } from 'vitest';
import { truthInFrame } from './truth-in-frame.js';

describe('truthInFrame', () => {
  it('shows the truth in the reconstruction frame (origin rounded), zero outside it', () => {
    // O(y, x) = (x + 10·y)·e^{i·0.1}: amplitude names the pixel.
    const H = 4, W = 5, re = new Float32Array(H * W), im = new Float32Array(H * W);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) { re[y * W + x] = (x + 10 * y) * Math.cos(0.1); im[y * W + x] = (x + 10 * y) * Math.sin(0.1); }
    const { amplitude, phase } = truthInFrame({ shape: [H, W], re, im }, [2.4, 0.6], [3, 3]);
    // Canvas (r, c) is object (x = c + 2, y = r + 1): rows y = 1..3, columns x = 2..4.
    expect(Array.from(amplitude, (v) => Math.round(v * 1e4) / 1e4)).toEqual([12, 13, 14, 22, 23, 24, 32, 33, 34]);
    expect(phase[0]).toBeCloseTo(0.1, 6);
    const outside = truthInFrame({ shape: [H, W], re, im }, [4, 3], [2, 2]);
    expect(Array.from(outside.amplitude, (v) => Math.round(v))).toEqual([34, 0, 0, 0]);
  });
});
