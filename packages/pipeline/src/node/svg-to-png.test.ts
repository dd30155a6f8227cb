import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../report/charts/chart-svg.js';
import { epieCostChart } from '../report/charts/epie-cost-chart.js';
import { svgToPng } from './svg-to-png.js';

type Image = ReturnType<typeof decode>;
const pixel = (img: Image, x: number, y: number): number[] => {
  const i = (y * img.width + x) * img.channels;
  return Array.from(img.data.subarray(i, i + 3));
};
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Pixels in [x0, x1) × [y0, y1) darker than mid-gray: text, axes, frames. */
const ink = (img: Image, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (pixel(img, x, y).every((v) => v < 128)) n++;
  return n;
};
/** Each marker of the SVG (`<circle cx cy fill>`) with its colour. */
const markers = (svg: string) => [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3" fill="(#[0-9a-f]{6})"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), color: m[3]! }));

describe('svgToPng', () => {
  it('renders a chart at its SVG size, each curve where the SVG puts it, in its colour', () => {
    const svg = chartSvg({ title: 'loss', xLabel: 'epoch', yLabel: 'value', series: [{ name: 'a', x: [0, 1, 2], y: [0, 5, 10] }, { name: 'b', x: [0, 1, 2], y: [10, 2, 1] }] });
    const bytes = svgToPng(svg);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // PNG signature
    const png = decode(bytes);
    expect([png.width, png.height]).toEqual([520, 320]);
    const pts = markers(svg);
    expect(pts).toHaveLength(6);
    expect(pts).toContainEqual({ x: 287, y: 154, color: '#1f77b4' }); // (1, 5), as chartSvg's test maps it
    for (const p of pts) expect(pixel(png, Math.round(p.x), Math.round(p.y)), `${p.color} at (${p.x}, ${p.y})`).toEqual(rgb(p.color));
    expect(pixel(png, 5, 5)).toEqual([255, 255, 255]); // the background is white, not transparent black
  });

  it('sets the text in the packaged font: the title and the axis labels leave ink', () => {
    const png = decode(svgToPng(chartSvg({ title: 'a title that takes room', xLabel: 'epoch', yLabel: 'loss', series: [{ name: 's', x: [0, 1], y: [0, 1] }] })));
    expect(ink(png, 150, 6, 380, 26)).toBeGreaterThan(150); // 14-px bold title, centred over the plot
    expect(ink(png, 0, 120, 24, 200)).toBeGreaterThan(20); // the rotated y label 'loss'
    expect(ink(png, 0, 0, 150, 26)).toBe(0); // nothing else up there
  });

  it('draws a log-axis chart (the ePIE cost) with its points at their decades', () => {
    const svg = chartSvg(epieCostChart([1e-2, 3e-3, 1e-3, 4e-4], 0.3));
    const png = decode(svgToPng(svg));
    const pts = markers(svg);
    expect(pts).toHaveLength(4);
    for (const p of pts) expect(pixel(png, Math.round(p.x), Math.round(p.y))).toEqual(rgb('#1f77b4'));
    // The axis spans the decades 1e-4 … 1e-2 over y = 274 … 34: 120 px a decade.
    expect(pts.map((p) => p.y)).toEqual([34, 274 - 120 * Math.log10(30), 154, 274 - 120 * Math.log10(4)].map((v) => Math.round(v * 100) / 100));
  });
});
