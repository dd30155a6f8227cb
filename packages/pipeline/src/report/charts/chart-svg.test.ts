import { describe, expect, it } from 'vitest';
import { InputError } from '@ptychojs/io';
import { chartSvg } from './chart-svg.js';

describe('chartSvg', () => {
  const svg = chartSvg({ title: 'loss <&> "x"', xLabel: 'epoch', yLabel: 'value', series: [{ name: 'a<b>', x: [0, 1, 2], y: [0, 5, 10] }, { name: 'gap', x: [0, 1, 2], y: [1, Number.NaN, 3] }] });

  it('maps data linearly into the plot area (520×320, margins 70/16/34/46)', () => {
    // Domains nice to [0, 2] × [0, 10]; x range 70…504, y range 274…34 (SVG y grows down).
    // (1, 5) lands at x = 70 + 434/2 = 287, y = 274 − 240/2 = 154.
    expect(svg).toContain('<circle cx="287" cy="154" r="3"');
    expect(svg).toContain('<circle cx="70" cy="274" r="3"');
    expect(svg).toContain('<circle cx="504" cy="34" r="3"');
  });

  it('draws nice ticks with labels, axis labels, a legend, and escapes every text', () => {
    const yTicks = [...svg.matchAll(/<g class="y-axis".*?<\/g>/g)][0]![0];
    expect([...yTicks.matchAll(/<text x="62" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(svg).toContain('>epoch</text>');
    expect(svg).toContain('rotate(-90)');
    expect(svg).toContain('<title>loss &lt;&amp;&gt; &quot;x&quot;</title>');
    expect(svg).toContain('data-name="a&lt;b&gt;"');
    expect(svg).not.toContain('<b>');
    expect(svg).toMatch(/<g class="legend">.*a&lt;b&gt;.*gap.*<\/g>/);
  });

  it('breaks a line at non-finite values and counts only finite points', () => {
    const gap = svg.match(/<path class="series" data-name="gap" data-points="(\d+)" d="([^"]*)"/)!;
    expect(gap[1]).toBe('2');
    expect(gap[2]!.match(/M/g)).toHaveLength(2); // two separate single-point segments
  });

  it('gives a single value a non-empty range', () => {
    const one = chartSvg({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [0], y: [-1768463.25] }] });
    expect(one).toMatch(/data-points="1"/);
    expect(one).not.toMatch(/NaN/);
  });
});

describe('chartSvg integer axes', () => {
  it('labels only whole numbers when xIntegers is set', () => {
    const svg = chartSvg({ title: 't', xLabel: 'epoch', yLabel: 'y', xIntegers: true, xInclude: [0, 2], series: [{ name: 's', x: [1], y: [3] }] });
    const xAxis = svg.match(/<g class="x-axis".*?<\/g>/)![0];
    expect([...xAxis.matchAll(/<text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['0', '1', '2']);
  });
});

describe('chartSvg log axis', () => {
  it('widens to whole decades, ticks at powers of ten, and leaves out y ≤ 0 and NaN (breaking the line)', () => {
    const svg = chartSvg({ title: 't', xLabel: 'x', yLabel: 'y', logY: true, series: [{ name: 's', x: [1, 2, 3, 4, 5], y: [3e-2, 0, 2e-3, Number.NaN, 5e-4] }] });
    const yAxis = svg.match(/<g class="y-axis".*?<\/g>/)![0];
    expect([...yAxis.matchAll(/<text x="62" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['1e-4', '0.001', '0.01', '0.1']);
    const path = svg.match(/<path class="series" data-name="s" data-points="(\d+)" d="([^"]*)"/)!;
    expect(path[1]).toBe('3');
    expect(path[2]!.match(/M/g)).toHaveLength(3); // three single points: each neighbour is left out
    // 1e-4 … 1e-1 over y = 274 … 34: 80 px a decade; 2e-3 (at x = 3) sits at 274 − 80·log10(20) = 169.92.
    expect(svg).toContain('<circle cx="287" cy="169.92" r="3"');
  });

  it('labels wide ranges as 1e-k, every other decade past seven', () => {
    const svg = chartSvg({ title: 't', xLabel: 'x', yLabel: 'y', logY: true, series: [{ name: 's', x: [0, 1], y: [1e-9, 10] }] });
    const yAxis = svg.match(/<g class="y-axis".*?<\/g>/)![0];
    expect([...yAxis.matchAll(/<text x="62" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['1e-9', '1e-7', '1e-5', '0.001', '0.1', '10']);
  });

  it('refuses a log axis with no positive value: there is nothing to show', () => {
    expect(() => chartSvg({ title: 'cost', xLabel: 'x', yLabel: 'y', logY: true, series: [{ name: 's', x: [1, 2], y: [0, Number.NaN] }] })).toThrow(InputError);
  });
});
