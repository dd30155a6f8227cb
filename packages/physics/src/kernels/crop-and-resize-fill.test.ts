import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, initBackend, randomNormalArrays, readAndDispose, withBackend } from '../testing.js';
import { cropAndResizeInto } from './crop-and-resize-into.js';

beforeAll(async () => {
  await initBackend('cpu');
  await initBackend('wasm');
});

interface Case {
  readonly label: string;
  readonly shape: [number, number, number, number];
  readonly boxes: Float32Array;
  readonly boxInd: Int32Array;
  readonly crop: [number, number];
  readonly method: 'bilinear' | 'nearest';
}

/** Run the registered CropAndResize kernel of `backend` on a seeded random image. */
function run(backend: 'cpu' | 'wasm', c: Case, image: Float32Array): Promise<Float32Array> {
  return withBackend(backend, () =>
    readAndDispose(
      tf.tidy(() =>
        tf.image.cropAndResize(tf.tensor4d(image, c.shape), tf.tensor2d(c.boxes, [c.boxInd.length, 4]), tf.tensor1d(c.boxInd, 'int32'), c.crop, c.method, -0.5),
      ),
    ),
  );
}

/** Boxes with unit sampling scale (one output sample per input pixel) at random sub-pixel starts, as `resample` makes them. */
function unitBoxes(n: number, side: number, out: number, seed: number): Float32Array {
  const [u] = randomNormalArrays(seed, [2 * n]);
  const b = new Float32Array(4 * n);
  for (let k = 0; k < n; k++) {
    const sy = 1 + (side - out - 2) * Math.abs(Math.sin(u![2 * k]!)), sx = 1 + (side - out - 2) * Math.abs(Math.sin(u![2 * k + 1]!));
    b.set([sy / (side - 1), sx / (side - 1), (sy + out - 1) / (side - 1), (sx + out - 1) / (side - 1)], 4 * k);
  }
  return b;
}

describe('CropAndResize on wasm (our fill) agrees with the cpu backend', () => {
  it('past 2^24 image elements (the stock wasm kernel reads wrong pixels and channels there)', async () => {
    // 100 images of 257²×3 = 19.8M floats: the shape of reassembling 25 groups of 4 complex patches.
    const n = 100, side = 257, out = 98;
    const c: Case = { label: 'large', shape: [n, side, side, 3], boxes: unitBoxes(n, side, out, 3), boxInd: Int32Array.from({ length: n }, (_, k) => k), crop: [out, out], method: 'bilinear' };
    // Distinct values per pixel and channel (a cheap hash; 19.8M normal draws would take seconds).
    const image = Float32Array.from({ length: n * side * side * 3 }, (_, k) => ((k * 2654435761) % 4294967296) / 4294967296);
    const [cpu, wasm] = [await run('cpu', c, image), await run('wasm', c, image)];
    // Both evaluate the same float64 expression and round once to float32: identical.
    expectClose(wasm, cpu, { rtol: 0, atol: 0, label: 'wasm fill vs cpu, 19.8M-element image' });
  });

  it('a box starting at row 0 with a whole-pixel column start (the stock fast path ignores x1)', async () => {
    const side = 33, out = 16;
    const boxes = Float32Array.from([0, 5 / (side - 1), (out - 1) / (side - 1), (5 + out - 1) / (side - 1), 3 / (side - 1), 7 / (side - 1), (3 + out - 1) / (side - 1), (7 + out - 1) / (side - 1)]);
    const c: Case = { label: 'fast path', shape: [2, side, side, 2], boxes, boxInd: Int32Array.from([0, 1]), crop: [out, out], method: 'bilinear' };
    const image = randomNormalArrays(5, [2 * side * side * 2])[0]!;
    const [cpu, wasm] = [await run('cpu', c, image), await run('wasm', c, image)];
    expectClose(wasm, cpu, { rtol: 0, atol: 0, label: 'row-0 whole-pixel box' });
    // And it is the plain crop: out(y, x, ch) = image(y, 5 + x, ch) for the first box.
    expect(cpu[(3 * out + 4) * 2 + 1]).toBe(image[(3 * side + 9) * 2 + 1]);
  });

  it('nearest, scaled boxes, boxes outside the image, a 1×1 crop and an out-of-range box index', async () => {
    const side = 20;
    const boxes = Float32Array.from([-0.2, 0.1, 0.7, 1.3, 0.25, 0.25, 0.75, 0.5, 0.3, 0.6, 0.3, 0.6]);
    const image = randomNormalArrays(6, [3 * side * side * 2])[0]!;
    for (const method of ['bilinear', 'nearest'] as const) {
      for (const crop of [[7, 9], [1, 1]] as [number, number][]) {
        const c: Case = { label: method, shape: [3, side, side, 2], boxes, boxInd: Int32Array.from([2, 0, 1]), crop, method };
        const [cpu, wasm] = [await run('cpu', c, image), await run('wasm', c, image)];
        expectClose(wasm, cpu, { rtol: 0, atol: 0, label: `${method} ${crop.join('×')}`, input: c });
      }
    }
  });
});

describe('cropAndResizeInto', () => {
  it('samples a linear ramp exactly at sub-pixel positions', () => {
    const H = 9, W = 11;
    const image = Float32Array.from({ length: H * W }, (_, k) => 3 * Math.floor(k / W) + (k % W));
    const out = new Float32Array(4 * 5);
    // start (y, x) = (1.25, 2.5), unit scale
    cropAndResizeInto(image, { imageShape: [1, H, W, 1], boxes: [1.25 / 8, 2.5 / 10, 4.25 / 8, 6.5 / 10], boxInd: [0], cropSize: [4, 5], method: 'bilinear', extrapolationValue: 0 }, out);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++) expect(out[y * 5 + x]).toBeCloseTo(3 * (1.25 + y) + 2.5 + x, 5);
  });

  it('gives zeros for a box whose image index is out of range', () => {
    const out = new Float32Array(4).fill(7);
    cropAndResizeInto(new Float32Array(16).fill(1), { imageShape: [1, 4, 4, 1], boxes: [0, 0, 1, 1], boxInd: [3], cropSize: [2, 2], method: 'bilinear', extrapolationValue: 0 }, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});
