import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { colormapRgb } from '@ptychojs/metrics';
import { svgToPng } from '../../node/svg-to-png.js';
import { imageFigureSvg, type ImageFigureOptions } from './image-figure-svg.js';

type Image = ReturnType<typeof decode>;
const pixel = (img: Image, x: number, y: number): number[] => {
  const i = (y * img.width + x) * img.channels;
  return Array.from(img.data.subarray(i, i + 3));
};
const figure = (plane: Float32Array | Float64Array, H: number, W: number, o: ImageFigureOptions) => decode(svgToPng(imageFigureSvg(plane, H, W, o)));
/** Black pixels in [x0, x1) × [y0, y1). */
const ink = (img: Image, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixel(img, x, y).every((v) => v < 100)) n++;
  return n;
};

// Layout (see image-figure-svg.ts): 10-px margin, image at x = 10; with a colour bar the image
// starts at y = 10 + 8 (+ 26 under a title); the bar 12 px right of the image, 16 px wide.
describe('imageFigureSvg', () => {
  it('shows the image through the colour map, pixel for pixel, at the chosen magnification, framed', () => {
    const H = 20, W = 30, plane = new Float32Array(H * W).map((_, i) => (i % W) / (W - 1)); // ramp 0…1 along x
    const png = figure(plane, H, W, { colormap: 'viridis', vmin: 0, vmax: 1, scale: 4 });
    const y0 = 18;
    expect(png.height).toBe(y0 + 80 + 8 + 10);
    for (const c of [0, 7, 29]) expect(pixel(png, 10 + 4 * c + 2, y0 + 4 * 5 + 1)).toEqual(colormapRgb('viridis', c / 29));
    expect(pixel(png, 9, y0 + 10)).toEqual([0, 0, 0]); // frame, left
    expect(pixel(png, 10 + 120, y0 + 10)).toEqual([0, 0, 0]); // frame, right
  });

  it('draws a colour bar from vmax (top row) to vmin (bottom row) with tick labels beside it', () => {
    const H = 32, W = 32, plane = new Float32Array(H * W).map((_, i) => Math.sin(i / 17) * 3);
    const svg = imageFigureSvg(plane, H, W, { colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI });
    expect([...svg.matchAll(/<text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['-π', '-π/2', '0', 'π/2', 'π']);
    const png = decode(svgToPng(svg));
    const scale = 8, ih = H * scale, y0 = 18, barX = 10 + W * scale + 12;
    for (let y = 0; y < ih; y += 17) expect(pixel(png, barX + 8, y0 + y)).toEqual(colormapRgb('twilight', 1 - y / (ih - 1)));
    expect(pixel(png, barX + 8, y0 + ih - 1)).toEqual(colormapRgb('twilight', 0));
    // the 0 tick mark at mid-height, and dark label pixels to its right
    expect(pixel(png, barX + 16 + 1, Math.round(y0 + (ih - 1) / 2))).toEqual([0, 0, 0]);
    expect(ink(png, barX + 16 + 5, y0 - 8, png.width, y0 + ih + 8)).toBeGreaterThan(60); // five labels (−π … π) in 12-px type
  });

  it('labels other ranges with nice values, paints NaN magenta, writes the title, and can leave out the colour bar', () => {
    const plane = new Float64Array(16 * 16).fill(0.5); plane[0] = NaN; plane[1] = 0; plane[2] = 2;
    const svg = imageFigureSvg(plane, 16, 16, { title: 'T', scale: 2 });
    expect([...svg.matchAll(/<text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['0.0', '0.5', '1.0', '1.5', '2.0']);
    const withBar = decode(svgToPng(svg));
    const bare = figure(plane, 16, 16, { colorbar: false, scale: 2 });
    expect(bare.width).toBe(10 + 32 + 10);
    expect(bare.width).toBeLessThan(withBar.width);
    expect(pixel(bare, 10, 10)).toEqual([255, 0, 255]);
    expect(ink(withBar, 0, 10, withBar.width, 30)).toBeGreaterThan(10); // 'T', 14-px bold
    expect(ink(bare, 0, 0, bare.width, 9)).toBe(0); // no title: nothing above the frame
  });

  it('draws the markers of renderImagePng and escapes the title', () => {
    const plane = new Float64Array(16 * 16).fill(0.5);
    const svg = imageFigureSvg(plane, 16, 16, { colorbar: false, scale: 4, title: 'a<b>', markers: { xs: [5], ys: [2], color: [0, 0, 255] } });
    expect(svg).toContain('<title>a&lt;b&gt;</title>');
    const img = decode(svgToPng(svg));
    expect(pixel(img, 10 + 5 * 4 + 1, 10 + 26 + 2 * 4 + 1)).toEqual([0, 0, 255]);
    expect(() => imageFigureSvg(plane, 16, 16, { markers: { xs: [1], ys: [] } })).toThrow(InputError);
    expect(() => imageFigureSvg(new Float32Array(10), 3, 4)).toThrow(InputError);
  });
});
