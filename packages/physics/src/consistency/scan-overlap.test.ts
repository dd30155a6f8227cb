import { describe, expect, it } from 'vitest';
import { InputError, type ComplexArray } from '@ptychojs/io';
import { probeChange } from './probe-change.js';
import { scanOverlap } from './scan-overlap.js';

describe('scanOverlap', () => {
  it('gives 1 − a/d and the discs\' intersection fraction', () => {
    const rms = 10, d = 16.65;
    const o = scanOverlap(d / 2, rms);
    expect(o.diameter).toBeCloseTo(d, 12);
    expect(o.linear).toBeCloseTo(0.5, 12);
    // Two unit-diameter discs half a diameter apart: (2/π)(acos ½ − ½·√¾) = 0.391002.
    expect(o.areal).toBeCloseTo(0.391002, 6);
    expect(scanOverlap(0, rms)).toMatchObject({ linear: 1, areal: 1 });
    expect(scanOverlap(2 * d, rms)).toMatchObject({ linear: -1, areal: 0 });
  });

  it('throws InputError for a non-positive rms radius or a negative step', () => {
    expect(() => scanOverlap(1, 0)).toThrow(InputError);
    expect(() => scanOverlap(-1, 3)).toThrow(/step/);
  });
});

describe('probeChange', () => {
  const probe = (f: (i: number) => [number, number]): ComplexArray => {
    const re = new Float32Array(16), im = new Float32Array(16);
    for (let i = 0; i < 16; i++) [re[i], im[i]] = f(i);
    return { shape: [4, 4], re, im };
  };
  it('is 0 for a probe changed only by a complex factor, and reports that factor', () => {
    const p0 = probe((i) => [Math.cos(i), Math.sin(0.3 * i)]);
    const g = { re: 2 * Math.cos(0.7), im: 2 * Math.sin(0.7) };
    const p1 = probe((i) => [g.re * p0.re[i]! - g.im * p0.im[i]!, g.re * p0.im[i]! + g.im * p0.re[i]!]);
    const c = probeChange(p0, p1);
    expect(c.relativeChange).toBeLessThan(1e-6);
    expect(c.scale).toBeCloseTo(2, 5);
    expect(c.phase).toBeCloseTo(0.7, 5);
  });

  it('is the norm of the part orthogonal to the initial probe, relative to the final one', () => {
    // P0 = δ at 0, P1 = δ at 0 + δ at 1: g = 1, residual δ at 1, ‖P1‖ = √2.
    const c = probeChange(probe((i) => [i === 0 ? 1 : 0, 0]), probe((i) => [i <= 1 ? 1 : 0, 0]));
    expect(c.relativeChange).toBeCloseTo(1 / Math.SQRT2, 7);
  });

  it('throws InputError for probes of different shapes', () => {
    expect(() => probeChange(probe(() => [1, 0]), { shape: [2, 2], re: new Float32Array(4).fill(1), im: new Float32Array(4) })).toThrow(InputError);
  });
});
