import { describe, expect, it } from 'vitest';
import { createRng, InputError, type ComplexArray } from '@ptychojs/io';
import { blobsObject } from './blobs-object.js';
import { polygonsObject } from './polygons-object.js';
import { transmissionFromThickness } from './transmission-from-thickness.js';

const amp = (o: ComplexArray) => Float64Array.from(o.re, (r, i) => Math.hypot(r, o.im[i]!));
const phase = (o: ComplexArray) => Float64Array.from(o.re, (r, i) => Math.atan2(o.im[i]!, r));

describe('transmissionFromThickness', () => {
  it('maps t to amplitudeMin^t·exp(i·phaseMax·t), clamping t to [0, 1]', () => {
    const o = transmissionFromThickness([0, 0.5, 1, 2, -1], 1, 5, 0.25, 1.2);
    const a = amp(o), p = phase(o);
    // float32 planes: 1e-6 relative.
    [1, 0.5, 0.25, 0.25, 1].forEach((v, i) => expect(a[i]!).toBeCloseTo(v, 6));
    [0, 0.6, 1.2, 1.2, 0].forEach((v, i) => expect(p[i]!).toBeCloseTo(v, 6));
  });
});

describe.each([
  ['blobsObject', blobsObject],
  ['polygonsObject', polygonsObject],
] as const)('%s', (_name, make) => {
  it('is repeatable per seed and differs between seeds', () => {
    const a = make({ height: 40, width: 50, rng: createRng(1) });
    expect(a.shape).toEqual([40, 50]);
    expect(make({ height: 40, width: 50, rng: createRng(1) }).re).toEqual(a.re);
    expect(make({ height: 40, width: 50, rng: createRng(2) }).re).not.toEqual(a.re);
  });

  it('is a transmission of one thickness map: amplitude in [amplitudeMin, 1], phase = phaseMax·ln(amplitude)/ln(amplitudeMin)', () => {
    const o = make({ height: 96, width: 96, rng: createRng(5), amplitudeMin: 0.3, phaseMax: 2 });
    const a = amp(o), p = phase(o);
    expect(Math.min(...a)).toBeGreaterThan(0.3 - 1e-6);
    expect(Math.max(...a)).toBeLessThan(1 + 1e-6);
    // Material somewhere, and empty background somewhere.
    expect(Math.min(...a)).toBeLessThan(0.9);
    expect(Math.max(...a)).toBeGreaterThan(0.999);
    for (let i = 0; i < a.length; i += 7) expect(p[i]!).toBeCloseTo((2 * Math.log(a[i]!)) / Math.log(0.3), 4);
  });

  it('refuses a bad count or radius range', () => {
    expect(() => make({ height: 10, width: 10, rng: createRng(1), count: -1 })).toThrow(InputError);
    expect(() => make({ height: 10, width: 10, rng: createRng(1), radiusRange: [5, 2] })).toThrow(InputError);
  });
});
