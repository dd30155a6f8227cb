import { describe, expect, it } from 'vitest';
import { createRng, isInputError } from '@ptychojs/io';
import { maxAbsDiff, randomComplex, randomPositions, thrown } from '../test/helpers.js';
import { createStitcher } from './create-stitcher.js';
import { stitchPatches } from './__fixtures__/stitch-patches.js';
import { stitchingMemoryBytes } from './stitching-memory-bytes.js';

const N = 16, NN = N * N, B = 90;
const { xs, ys } = randomPositions(41, B, -15, 45, 0.2);
const patches = randomComplex(42, [B, N, N]);
const oneShot = stitchPatches(patches, xs, ys);
const batch = (k0: number, k1: number) => [patches.re.subarray(k0 * NN, k1 * NN), patches.im.subarray(k0 * NN, k1 * NN)] as const;

describe('createStitcher', () => {
  it('streaming add in consecutive batches equals one-shot stitching bit for bit', () => {
    const st = createStitcher({ xs, ys, N });
    for (const [k0, k1] of [[0, 7], [7, 40], [40, 41], [41, 90]] as const) st.add(...batch(k0, k1), k0);
    expect(st.added).toBe(B);
    const out = st.finish();
    expect(out.canvasOrigin).toEqual(oneShot.canvasOrigin);
    expect(out.object.shape).toEqual(oneShot.object.shape);
    expect(out.object.re).toEqual(oneShot.object.re);
    expect(out.object.im).toEqual(oneShot.object.im);
    expect(out.weights).toEqual(oneShot.weights);
  });

  it('streaming add in shuffled batches by index equals one-shot up to summation order', () => {
    const order = createRng(43).shuffle(Array.from({ length: B }, (_, k) => k));
    const st = createStitcher({ xs, ys, N });
    for (let k0 = 0; k0 < B; k0 += 13) {
      const idx = order.slice(k0, k0 + 13);
      const re = new Float32Array(idx.length * NN), im = new Float32Array(idx.length * NN);
      idx.forEach((k, b) => {
        re.set(patches.re.subarray(k * NN, (k + 1) * NN), b * NN);
        im.set(patches.im.subarray(k * NN, (k + 1) * NN), b * NN);
      });
      st.add(re, im, idx);
    }
    const out = st.finish();
    // float64 sums in another order differ by ~1e-16 relative; after float32 rounding at most one
    // ulp of values |v| ≲ 5 (normal patches averaged): 1e-6.
    expect(maxAbsDiff(out.object.re, oneShot.object.re)).toBeLessThan(1e-6);
    expect(maxAbsDiff(out.object.im, oneShot.object.im)).toBeLessThan(1e-6);
    expect(maxAbsDiff(out.weights, oneShot.weights)).toBeLessThan(1e-6);
  });

  it('addAt with explicit positions equals add by index', () => {
    const st = createStitcher({ xs, ys, N });
    st.addAt(...batch(0, 50), xs.subarray(0, 50), ys.subarray(0, 50));
    st.addAt(...batch(50, B), xs.subarray(50), ys.subarray(50));
    const out = st.finish();
    expect(out.object.re).toEqual(oneShot.object.re);
    expect(out.weights).toEqual(oneShot.weights);
  });

  it('float32 sums agree with float64 sums and are returned as the result (12·H·W bytes in all)', () => {
    const st = createStitcher({ xs, ys, N, accumulator: 'float32' });
    st.add(patches.re, patches.im, 0);
    const out = st.finish();
    // ≤ ~10 overlapping additions of values ≲ 5, each rounded at 6e-8 relative: 1e-5.
    expect(maxAbsDiff(out.object.re, oneShot.object.re)).toBeLessThan(1e-5);
    expect(maxAbsDiff(out.object.im, oneShot.object.im)).toBeLessThan(1e-5);
    const { height: H, width: W } = st.frame;
    const bytes = out.object.re.byteLength + out.object.im.byteLength + out.weights.byteLength;
    expect(bytes).toBe(st.memoryBytes);
    expect(st.memoryBytes).toBe(stitchingMemoryBytes(H, W, 'float32'));
    expect(createStitcher({ xs, ys, N }).memoryBytes).toBe(stitchingMemoryBytes(H, W)); // 24 + 12 bytes per pixel
    expect(stitchingMemoryBytes(H, W)).toBe(36 * H * W);
  });

  it('leaves the canvas unchanged when a batch is rejected, and ends at finish()', () => {
    const st = createStitcher({ xs, ys, N });
    st.add(...batch(0, 2), [0, 1]);
    const bad: Array<[string, () => void]> = [
      ['index out of range', () => st.add(...batch(2, 4), [2, B])],
      ['non-integer index', () => st.add(...batch(2, 4), [2, 3.5])],
      ['index count', () => st.add(...batch(2, 4), [2])],
      ['start past the end', () => st.add(...batch(2, 4), B - 1)],
      ['planes of different length', () => st.add(patches.re.subarray(0, NN), patches.im.subarray(0, 2 * NN), 0)],
      ['not a multiple of N²', () => st.add(patches.re.subarray(0, NN + 1), patches.im.subarray(0, NN + 1), 0)],
      ['position off the canvas', () => st.addAt(...batch(2, 4), [xs[2]!, 1e4], [ys[2]!, ys[3]!])],
    ];
    for (const [what, f] of bad) expect(isInputError(thrown(f)), what).toBe(true);
    expect(st.added).toBe(2);
    const out = st.finish();
    const ref = stitchPatches({ shape: [2, N, N], re: patches.re.subarray(0, 2 * NN), im: patches.im.subarray(0, 2 * NN) }, xs.subarray(0, 2), ys.subarray(0, 2));
    // Same two patches on a larger canvas: shift ref's frame into out's and compare every pixel
    // (block fractions computed against different origins differ by ~1e-15; 1e-6 after float32).
    const [ox, oy] = out.canvasOrigin, [rx, ry] = ref.canvasOrigin;
    const [H, W] = out.object.shape as [number, number], [RH, RW] = ref.object.shape as [number, number];
    let worst = 0, refWeight = 0, outWeight = 0;
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        const rr = r + oy - ry, rc = c + ox - rx, p = r * W + c;
        const inRef = rr >= 0 && rr < RH && rc >= 0 && rc < RW, q = rr * RW + rc;
        worst = Math.max(worst, Math.abs(out.object.re[p]! - (inRef ? ref.object.re[q]! : 0)), Math.abs(out.weights[p]! - (inRef ? ref.weights[q]! : 0)));
        outWeight += out.weights[p]!;
        if (inRef) refWeight += ref.weights[q]!;
      }
    }
    expect(worst).toBeLessThan(1e-6);
    expect(outWeight).toBeCloseTo(2 * 36, 4); // two full 6×6 crops, bilinear weights sum to M² each
    expect(refWeight).toBeCloseTo(outWeight, 4);
    expect(() => st.finish()).toThrow(/already finished/);
    expect(() => st.add(...batch(0, 1), 0)).toThrow(/already finished/);
    expect(isInputError(thrown(() => createStitcher({ xs, ys, N, accumulator: 'float16' as 'float32' })))).toBe(true);
  });
});
