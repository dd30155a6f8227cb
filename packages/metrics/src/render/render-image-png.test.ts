import { InputError } from '@ptychojs/io';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { colormapRgb } from './colormap-rgb.js';
import { renderImagePng } from './render-image-png.js';
import { resolveImageOptions } from './resolve-image-options.js';

const pixel = (img: ReturnType<typeof decode>, x: number, y: number): number[] => {
  const i = (y * img.width + x) * img.channels;
  return Array.from(img.data.subarray(i, i + 3));
};

describe('colormapRgb', () => {
  it('hits the published end and middle colours', () => {
    expect(colormapRgb('gray', 0)).toEqual([0, 0, 0]);
    expect(colormapRgb('gray', 1)).toEqual([255, 255, 255]);
    expect(colormapRgb('viridis', 0)).toEqual([0x44, 0x01, 0x54]); // #440154
    expect(colormapRgb('viridis', 0.5)).toEqual([0x21, 0x90, 0x8c]); // #21908C
    expect(colormapRgb('viridis', 1)).toEqual([0xfd, 0xe7, 0x25]); // #FDE725
    expect(colormapRgb('twilight', 0)).toEqual([226, 217, 226]); // matplotlib twilight(0) = (0.886, 0.850, 0.888)
    expect(colormapRgb('twilight', 255 / 509)).toEqual([47, 20, 54]); // its dark turning point
    expect(colormapRgb('viridis', NaN)).toEqual([255, 0, 255]);
  });

  it('twilight is cyclic: both ends agree within one level', () => {
    const a = colormapRgb('twilight', 0), b = colormapRgb('twilight', 1);
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(1));
  });
});

describe('renderImagePng', () => {
  // The picture alone: pixel (r, c) of the plane covers screen pixels [c·scale, (c+1)·scale) × [r·scale, (r+1)·scale).
  it('encodes the image through the colour map, pixel for pixel, at the chosen magnification', () => {
    const H = 20, W = 30, plane = new Float32Array(H * W).map((_, i) => (i % W) / (W - 1)); // ramp 0…1 along x
    const png = decode(renderImagePng(plane, H, W, { colormap: 'viridis', vmin: 0, vmax: 1, scale: 4 }));
    expect(png.channels).toBe(3);
    expect([png.width, png.height]).toEqual([120, 80]);
    for (const c of [0, 7, 29]) {
      expect(pixel(png, 4 * c + 2, 4 * 5 + 1)).toEqual(colormapRgb('viridis', c / 29));
    }
  });

  it('defaults to the finite range and a magnification that brings the longer side near 256 px', () => {
    const plane = new Float64Array(32 * 16).map((_, i) => i); plane[3] = Infinity;
    expect(resolveImageOptions(plane, 32, 16)).toEqual({ colormap: 'gray', vmin: 0, vmax: 511, scale: 8 });
    expect(resolveImageOptions(new Float32Array(4).fill(2), 2, 2, { scale: 1 })).toEqual({ colormap: 'gray', vmin: 2, vmax: 3, scale: 1 });
    const png = decode(renderImagePng(plane, 32, 16));
    expect([png.width, png.height]).toEqual([128, 256]);
    expect(pixel(png, 0, 0)).toEqual([0, 0, 0]);
    expect(pixel(png, 127, 255)).toEqual([255, 255, 255]);
  });

  it('paints NaN magenta, or in nanColor when given', () => {
    const plane = new Float64Array(16 * 16).fill(0.5); plane[0] = NaN;
    expect(pixel(decode(renderImagePng(plane, 16, 16, { scale: 2 })), 1, 1)).toEqual([255, 0, 255]);
    expect(pixel(decode(renderImagePng(plane, 16, 16, { scale: 2, nanColor: [255, 255, 255] })), 1, 1)).toEqual([255, 255, 255]);
  });

  it('draws markers at plane coordinates (x column, y row)', () => {
    const plane = new Float64Array(16 * 16).fill(0.5);
    // scale 4, marker of 4 screen px centred on the pixel.
    const img = decode(renderImagePng(plane, 16, 16, { scale: 4, markers: { xs: [5, 99], ys: [2, 0], color: [0, 0, 255] } }));
    expect(pixel(img, 5 * 4 + 1, 2 * 4 + 1)).toEqual([0, 0, 255]);
    expect(pixel(img, 5 * 4 + 3, 2 * 4 + 3)).toEqual([0, 0, 255]);
    expect(pixel(img, 6 * 4 + 1, 2 * 4 + 1)).not.toEqual([0, 0, 255]);
    // a marker on the corner is clipped to the image
    const corner = decode(renderImagePng(plane, 16, 16, { scale: 4, markers: { xs: [-0.4], ys: [-0.4], color: [0, 0, 255], size: 2 } }));
    expect(pixel(corner, 0, 0)).toEqual([0, 0, 255]);
    expect(() => renderImagePng(plane, 16, 16, { markers: { xs: [1], ys: [] } })).toThrow(InputError);
  });

  it('rejects a plane whose length is not H·W, and vmin ≥ vmax', () => {
    expect(() => renderImagePng(new Float32Array(10), 3, 4)).toThrow(InputError);
    expect(() => renderImagePng(new Float32Array(12), 3, 4, { vmin: 1, vmax: 1 })).toThrow(/vmin < vmax/);
    expect(() => renderImagePng(new Float32Array(12), 3, 4, { scale: 1.5 })).toThrow(/positive integer/);
  });
});
