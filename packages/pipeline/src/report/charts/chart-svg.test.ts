import { describe, expect, it } from 'vitest';
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
