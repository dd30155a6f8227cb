import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStitcher } from './create-stitcher.js';

// Property (issue 7): stitching is the adjoint of extraction divided by the overlap weight, i.e. a
// convex combination of the patch values at each canvas pixel, so patches bounded by A stitch to a
// canvas bounded by A, whatever the scan positions, batch split or crop size.
describe('stitching keeps patches bounded by A within A', () => {
  it('for random scans (positions, N, central crop M, batches) and amplitudes from 1e−3 to 1e3', () => {
    fc.assert(
      fc.property(
        fc.record({
          P: fc.integer({ min: 1, max: 40 }),
          N: fc.constantFrom(16, 32, 64),
          extent: fc.double({ min: 0, max: 120, noNaN: true }),
          A: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          batch: fc.integer({ min: 1, max: 16 }),
          crop: fc.integer({ min: 0, max: 7 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        (p) => {
          let s = p.seed >>> 0;
          const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
          const xs = Float64Array.from({ length: p.P }, () => 100 + p.extent * rand());
          const ys = Float64Array.from({ length: p.P }, () => 100 + p.extent * rand());
          const stitcher = createStitcher({ xs, ys, N: p.N, M: p.N - 2 * Math.min(p.crop * (p.N / 16), p.N / 2 - 1) });
          for (let b0 = 0; b0 < p.P; b0 += p.batch) {
            const nb = Math.min(p.batch, p.P - b0);
            const re = new Float32Array(nb * p.N * p.N), im = new Float32Array(re.length);
            for (let k = 0; k < re.length; k++) {
              const a = p.A * rand(), phi = 2 * Math.PI * rand();
              re[k] = a * Math.cos(phi);
              im[k] = a * Math.sin(phi);
            }
            stitcher.add(re, im, b0);
          }
          const { object } = stitcher.finish();
          let peak = 0;
          for (let k = 0; k < object.re.length; k++) peak = Math.max(peak, Math.hypot(object.re[k]!, object.im[k]!));
          // float64 accumulation, float32 output: one rounding above A at most.
          expect(peak).toBeLessThanOrEqual(p.A * (1 + 1e-6));
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });
});
