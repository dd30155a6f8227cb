import { InputError } from '@ptychojs/io';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { renderCurvesPng, SERIES_COLORS } from './render-curves-png.js';

function count(png: ReturnType<typeof decode>, rgb: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const o = i * png.channels;
    if (png.data[o] === rgb[0] && png.data[o + 1] === rgb[1] && png.data[o + 2] === rgb[2]) n++;
  }
  return n;
}

describe('renderCurvesPng', () => {
  const epochs = Array.from({ length: 40 }, (_, i) => i + 1);

  it('draws each series in its own colour at the requested size, with axes and labels in black', () => {
    const png = decode(renderCurvesPng({
      series: [{ name: 'train', x: epochs, y: epochs.map((e) => 1 / e) }, { name: 'validation', x: epochs, y: epochs.map((e) => 1.2 / e) }],
      xLabel: 'epoch', yLabel: 'loss', title: 'loss', width: 500, height: 300,
    }));
    expect([png.width, png.height]).toEqual([500, 300]);
    // a 2-px line across ~440 px of plot plus its legend swatch (20×3)
    expect(count(png, SERIES_COLORS[0]!)).toBeGreaterThan(400);
    expect(count(png, SERIES_COLORS[1]!)).toBeGreaterThan(400);
    expect(count(png, SERIES_COLORS[2]!)).toBe(0);
    expect(count(png, [0, 0, 0])).toBeGreaterThan(1500); // frame, ticks, tick labels, title, labels
  });

  it('on a log axis leaves out y ≤ 0 and NaN (breaking the line) instead of failing', () => {
    const y = epochs.map((e) => (e % 10 === 0 ? 0 : e === 5 ? NaN : 10 ** (-e / 10)));
    const png = decode(renderCurvesPng({ series: [{ name: 'loss', x: epochs, y }], logY: true, width: 400, height: 250 }));
    expect(count(png, SERIES_COLORS[0]!)).toBeGreaterThan(300);
  });

  it('rejects empty input, mismatched lengths and a log axis with no positive value', () => {
    expect(() => renderCurvesPng({ series: [] })).toThrow(InputError);
    expect(() => renderCurvesPng({ series: [{ name: 'a', x: [1, 2], y: [1] }] })).toThrow(/2 x and 1 y/);
    expect(() => renderCurvesPng({ series: [{ name: 'a', x: [1, 2], y: [0, -1] }], logY: true })).toThrow(/log scale needs y > 0/);
  });
});
