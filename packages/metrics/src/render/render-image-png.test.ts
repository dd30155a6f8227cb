import { InputError } from '@ptychojs/io';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { colormapRgb } from './colormap-rgb.js';
import { renderImagePng } from './render-image-png.js';

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
  // Layout (see render-image-png.ts): 10-px margin, image at x = 10, colour bar 12 px right of it,
  // 16 px wide; without a title the image starts at y = 10 + ⌈7·fs/2⌉ + 2 (room for the top label).
  it('encodes the image through the colour map, pixel for pixel, at the chosen magnification', () => {
    const H = 20, W = 30, plane = new Float32Array(H * W).map((_, i) => (i % W) / (W - 1)); // ramp 0…1 along x
    const png = decode(renderImagePng(plane, H, W, { colormap: 'viridis', vmin: 0, vmax: 1, scale: 4 }));
    expect(png.channels).toBe(3);
    const fs = 1, y0 = 10 + Math.ceil(3.5 * fs) + 2; // ih = 80 < 200 → font scale 1
    expect(png.height).toBe(y0 + 80 + Math.ceil(3.5 * fs) + 2 + 10);
    for (const c of [0, 7, 29]) {
      expect(pixel(png, 10 + 4 * c + 2, y0 + 4 * 5 + 1)).toEqual(colormapRgb('viridis', c / 29));
    }
    expect(pixel(png, 9, y0 + 10)).toEqual([0, 0, 0]); // frame
  });

  it('draws a colour bar from vmax (top row) to vmin (bottom row) with tick labels beside it', () => {
    const H = 32, W = 32, plane = new Float32Array(H * W).map((_, i) => Math.sin(i / 17) * 3);
    const png = decode(renderImagePng(plane, H, W, { colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI }));
    const scale = 8, ih = H * scale, fs = 2, y0 = 10 + Math.ceil(3.5 * fs) + 2, barX = 10 + W * scale + 12;
    for (let y = 0; y < ih; y += 17) expect(pixel(png, barX + 8, y0 + y)).toEqual(colormapRgb('twilight', 1 - y / (ih - 1)));
    expect(pixel(png, barX + 8, y0 + ih - 1)).toEqual(colormapRgb('twilight', 0));
    // the 0 tick mark at mid-height, and dark label pixels to its right
    expect(pixel(png, barX + 16 + 1, Math.round(y0 + (ih - 1) / 2))).toEqual([0, 0, 0]);
    let ink = 0;
    for (let y = y0; y < y0 + ih; y++) for (let x = barX + 16 + 5; x < png.width; x++) if (pixel(png, x, y)[0] === 0) ink++;
    expect(ink).toBeGreaterThan(100); // five labels (−π … π) in a 10×14-px font
  });

  it('paints NaN magenta, writes the title in black, and can leave out the colour bar', () => {
    const plane = new Float64Array(16 * 16).fill(0.5); plane[0] = NaN;
    const withBar = decode(renderImagePng(plane, 16, 16, { title: 'T', scale: 2 }));
    const bare = decode(renderImagePng(plane, 16, 16, { colorbar: false, scale: 2 }));
    expect(bare.width).toBe(10 + 32 + 10);
    expect(bare.width).toBeLessThan(withBar.width);
    expect(pixel(bare, 10, 10)).toEqual([255, 0, 255]);
    let ink = 0;
    for (let y = 10; y < 24; y++) for (let x = 0; x < withBar.width; x++) if (pixel(withBar, x, y)[0] === 0) ink++;
    expect(ink).toBeGreaterThan(10); // 'T' at scale 2
  });

  it('paints NaN in nanColor when given, and draws markers at plane coordinates (x column, y row)', () => {
    const plane = new Float64Array(16 * 16).fill(0.5); plane[0] = NaN;
    // Without colour bar or title the image starts at (10, 10); scale 4, marker of 4 screen px centred on the pixel.
    const img = decode(renderImagePng(plane, 16, 16, { colorbar: false, scale: 4, nanColor: [255, 255, 255], markers: { xs: [5, 99], ys: [2, 0], color: [0, 0, 255] } }));
    expect(pixel(img, 11, 11)).toEqual([255, 255, 255]);
    expect(pixel(img, 10 + 5 * 4 + 1, 10 + 2 * 4 + 1)).toEqual([0, 0, 255]);
    expect(pixel(img, 10 + 5 * 4 + 3, 10 + 2 * 4 + 3)).toEqual([0, 0, 255]);
    expect(pixel(img, 10 + 6 * 4 + 1, 10 + 2 * 4 + 1)).not.toEqual([0, 0, 255]);
    expect(() => renderImagePng(plane, 16, 16, { markers: { xs: [1], ys: [] } })).toThrow(InputError);
  });

  it('rejects a plane whose length is not H·W, and vmin ≥ vmax', () => {
    expect(() => renderImagePng(new Float32Array(10), 3, 4)).toThrow(InputError);
    expect(() => renderImagePng(new Float32Array(12), 3, 4, { vmin: 1, vmax: 1 })).toThrow(/vmin < vmax/);
  });
});
