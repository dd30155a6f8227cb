import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { epieCostPng } from './epie-cost-png.js';

describe('epieCostPng', () => {
  it('draws the cost per iteration as a 640×400 RGB PNG', () => {
    const png = epieCostPng([1e-2, 3e-3, 1e-3, 4e-4], 0.3);
    expect(Array.from(png.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const ihdr = new DataView(png.buffer, png.byteOffset + 16, 10); // width, height (big-endian), bit depth, colour type
    expect([ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)]).toEqual([640, 400, 8, 2]);
  });

  it('refuses a cost with no plottable (positive, finite) value: the log axis has nothing to show', () => {
    expect(() => epieCostPng([0, Number.NaN], 1)).toThrow(InputError);
  });
});
