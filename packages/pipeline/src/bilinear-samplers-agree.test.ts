import { describe, expect, it } from 'vitest';
import { bilinearPatch, createRng, type ComplexArray } from '@ptychojs/io';
import { objectPatch } from '@ptychojs/physics';
import { extractCentral } from '@ptychojs/stitching';

/**
 * SPEC §3's patch, `patch(i,j) = O(y − N/2 + i, x − N/2 + j)`, bilinear, zero outside, is sampled
 * by three packages that may not depend on one another (SPEC §2: grouping, physics and stitching
 * each depend on io only): grouping's ground-truth patches Y and physics' `objectPatch` (the
 * simulator) both call io's `bilinearPatch`, the one rule; stitching's `extractCentral` (the
 * reference whose adjoint is stitching) is its own. This package sees all of them, so it pins them
 * to one operation.
 */
describe('the three bilinear patch samplers are one operation', () => {
  const rng = createRng(11), H = 40, W = 50, N = 16;
  const object: ComplexArray = { shape: [H, W], re: Float32Array.from({ length: H * W }, () => rng.normal()), im: Float32Array.from({ length: H * W }, () => rng.normal()) };
  // Inside, fractional, on every border, and wholly outside.
  const positions: [number, number][] = [[25, 20], [25.37, 19.81], [3.5, 2.25], [49.2, 39.9], [-4.6, 12.1], [70, -30]];

  it.each(positions)('at (x, y) = (%f, %f)', (x, y) => {
    const phys = objectPatch(object, x, y, N);
    const stitch = extractCentral(object, [0, 0], x, y, N);
    const re = new Float32Array(N * N), im = new Float32Array(N * N);
    bilinearPatch(object.re, H, W, x, y, N, re);
    bilinearPatch(object.im, H, W, x, y, N, im);
    // io's rule and physics share the arithmetic exactly (float64, rounded once to float32).
    expect(re).toEqual(phys.re);
    expect(im).toEqual(phys.im);
    // stitching recomputes the fractional offset per pixel ((y − N/2 + i) − ⌊·⌋), which can differ
    // from the shared offset in the last float64 bit: agreement to float32 rounding (values ~N(0,1)).
    let worst = 0;
    for (let k = 0; k < N * N; k++) worst = Math.max(worst, Math.abs(stitch.re[k]! - re[k]!), Math.abs(stitch.im[k]! - im[k]!));
    expect(worst).toBeLessThan(1e-6);
  });
});
