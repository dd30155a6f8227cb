import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAdjoint, expectClose, initBackend, maxAbs, randomNormalArrays, readAndDispose, withBackend } from '../testing.js';
import { conv2DBackpropFilterFill } from './conv2d-backprop-filter-fill.js';
import { registerKernelFills } from './register-kernel-fills.js';

// The stock cpu ResizeNearestNeighborGrad, captured before our fix replaces it.
let stockResizeGrad: tf.KernelFunc | undefined;
beforeAll(async () => {
  await import('@tensorflow/tfjs-backend-cpu');
  stockResizeGrad = tf.getKernel('ResizeNearestNeighborGrad', 'cpu')?.kernelFunc;
  await initBackend('cpu');
  await initBackend('wasm');
});

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
interface ConvCase { B: number; H: number; W: number; Ci: number; Co: number; f: number; stride: number; pad: Pad }
const CASES: ConvCase[] = [
  { B: 2, H: 9, W: 9, Ci: 3, Co: 4, f: 3, stride: 1, pad: 'same' },
  { B: 2, H: 9, W: 8, Ci: 3, Co: 4, f: 3, stride: 1, pad: 'valid' },
  { B: 2, H: 8, W: 8, Ci: 2, Co: 3, f: 1, stride: 1, pad: 'same' },
  { B: 1, H: 11, W: 10, Ci: 2, Co: 3, f: 5, stride: 1, pad: 'same' },
  { B: 1, H: 11, W: 10, Ci: 2, Co: 3, f: 5, stride: 1, pad: 'valid' },
  { B: 2, H: 9, W: 9, Ci: 3, Co: 4, f: 3, stride: 2, pad: 'same' },
  { B: 2, H: 10, W: 9, Ci: 2, Co: 3, f: 3, stride: 2, pad: 'valid' },
  { B: 1, H: 11, W: 11, Ci: 2, Co: 2, f: 5, stride: 2, pad: 'same' },
  { B: 2, H: 7, W: 8, Ci: 2, Co: 3, f: 3, stride: 1, pad: [[0, 0], [2, 0], [1, 2], [0, 0]] },
];

/** dW and dX of L = Σ g·conv2d(x, w) on the active backend. */
async function convGrads(c: ConvCase, seed: number): Promise<[Float32Array, Float32Array]> {
  const [xv, wv] = randomNormalArrays(seed, [c.B * c.H * c.W * c.Ci, c.f * c.f * c.Ci * c.Co]);
  const x = tf.tensor4d(xv!, [c.B, c.H, c.W, c.Ci]);
  const w = tf.tensor4d(wv!, [c.f, c.f, c.Ci, c.Co]);
  const outShape = tf.tidy(() => tf.conv2d(x, w, c.stride, c.pad).shape);
  const g = tf.tensor(randomNormalArrays(seed + 1, [outShape.reduce((a, b) => a * b, 1)])[0]!, outShape);
  const [dw, dx] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(b as tf.Tensor4D, a as tf.Tensor4D, c.stride, c.pad), g)))([w, x]);
  const out: [Float32Array, Float32Array] = [await readAndDispose(dw!), await readAndDispose(dx!)];
  tf.dispose([x, w, g]);
  return out;
}

describe('wasm conv gradient fills agree with the stock cpu kernels', () => {
  for (const [k, c] of CASES.entries()) {
    it(`f=${c.f} stride=${c.stride} pad=${JSON.stringify(c.pad)} B=${c.B} ${c.H}×${c.W}×${c.Ci}→${c.Co}`, async () => {
      const [cw, cx] = await withBackend('cpu', () => convGrads(c, 100 + k));
      const [ww, wx] = await withBackend('wasm', () => convGrads(c, 100 + k));
      // Same float32 sums in a different order: ~1e−7 of the largest entry (lab: ≤ 3.6e−7).
      expectClose(ww, cw, { rtol: 0, atol: 1e-5 * maxAbs(cw), label: 'dW (Conv2DBackpropFilter fill)', input: c });
      expectClose(wx, cx, { rtol: 0, atol: 1e-5 * maxAbs(cx), label: 'dX (Conv2DBackpropInput fill, stock for stride 2)', input: c });
    });
  }

  it('the dW fill also handles NCHW at kernel level', async () => {
    const [B, H, W, Ci, Co, f] = [2, 6, 7, 3, 2, 3];
    const [xv, gv] = randomNormalArrays(7, [B * H * W * Ci, B * H * W * Co]);
    const attrs = { strides: [1, 1], pad: 'same', filterShape: [f, f, Ci, Co] };
    const nhwc = await withBackend('cpu', () =>
      readAndDispose(tf.engine().runKernel('Conv2DBackpropFilter', { x: tf.tensor4d(xv!, [B, H, W, Ci]), dy: tf.tensor4d(gv!, [B, H, W, Co]) }, { ...attrs, dataFormat: 'NHWC' }) as tf.Tensor),
    );
    const nchw = await withBackend('wasm', () => {
      const x = tf.transpose(tf.tensor4d(xv!, [B, H, W, Ci]), [0, 3, 1, 2]);
      const dy = tf.transpose(tf.tensor4d(gv!, [B, H, W, Co]), [0, 3, 1, 2]);
      return readAndDispose(tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, dataFormat: 'NCHW' }) as tf.Tensor);
    });
    expectClose(nchw, nhwc, { rtol: 0, atol: 1e-5 * maxAbs(nhwc), label: 'NCHW dW vs NHWC' });
  });

  it('the dW fill computes the same on cpu (its opt-in there), called as a kernel function', async () => {
    const c = CASES[5]!;
    const [cw] = await withBackend('cpu', () => convGrads(c, 105));
    const filled = await withBackend('cpu', async () => {
      const [xv] = randomNormalArrays(105, [c.B * c.H * c.W * c.Ci]);
      const x = tf.tensor4d(xv!, [c.B, c.H, c.W, c.Ci]);
      const outShape = tf.tidy(() => tf.conv2d(x, tf.zeros([c.f, c.f, c.Ci, c.Co]) as tf.Tensor4D, c.stride, c.pad).shape);
      const dy = tf.tensor(randomNormalArrays(106, [outShape.reduce((a, b) => a * b, 1)])[0]!, outShape);
      const info = conv2DBackpropFilterFill('cpu')({
        inputs: { x, dy },
        backend: tf.backend(),
        attrs: { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [c.f, c.f, c.Ci, c.Co] } as unknown as tf.NamedAttrMap,
      }) as tf.TensorInfo;
      tf.dispose([x, dy]);
      return readAndDispose(tf.engine().makeTensorFromTensorInfo(info));
    });
    expectClose(filled, cw, { rtol: 0, atol: 1e-5 * maxAbs(cw), label: 'cpu dW fill vs stock' });
  });
});

/** Gradient of Σ w·resizeNearestNeighbor(x) w.r.t. x, on the active backend. */
function resizeGrad(x: tf.Tensor4D, w: tf.Tensor4D, alignCorners = false, halfPixelCenters = false): tf.Tensor {
  return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.image.resizeNearestNeighbor(t as tf.Tensor4D, [w.shape[1], w.shape[2]], alignCorners, halfPixelCenters), w)))(x);
}

describe('cpu ResizeNearestNeighborGrad fix', () => {
  const [B, H, W, C] = [2, 4, 4, 3];
  const [wv] = randomNormalArrays(9, [B * 2 * H * 2 * W * C]);
  // Analytic: ×2 nearest upsampling copies pixel (i, j) to the 2×2 block (2i…2i+1, 2j…2j+1),
  // so its gradient is the sum of the upstream gradient over that block.
  const blockSums = new Float64Array(B * H * W * C);
  for (let b = 0; b < B; b++) for (let i = 0; i < 2 * H; i++) for (let j = 0; j < 2 * W; j++) for (let c = 0; c < C; c++) {
    blockSums[((b * H + (i >> 1)) * W + (j >> 1)) * C + c]! += wv![((b * 2 * H + i) * 2 * W + j) * C + c]!;
  }

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives the analytic 2×2 block sums for B = ${B} on ${backend}`, async () => {
      const got = await withBackend(backend, () =>
        readAndDispose(tf.tidy(() => resizeGrad(tf.zeros([B, H, W, C]) as tf.Tensor4D, tf.tensor4d(wv!, [B, 2 * H, 2 * W, C])))),
      );
      expectClose(got, blockSums, { rtol: 1e-6, atol: 1e-6, shape: [B, H, W, C], label: `${backend} ResizeNearestNeighborGrad` });
    });
  }

  it('is the adjoint of the forward resize for alignCorners / halfPixelCenters and odd sizes', async () => {
    await withBackend('cpu', async () => {
      for (const [ac, hp, out] of [[true, false, [7, 5]], [false, true, [9, 6]], [false, false, [3, 10]]] as const) {
        await expectAdjoint(
          {
            forward: ([x]) => [tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [...out], ac, hp)],
            adjoint: ([y]) => [resizeGrad(tf.zeros([3, 4, 5, 2]) as tf.Tensor4D, y as tf.Tensor4D, ac, hp)],
            domain: [[3, 4, 5, 2]],
            range: [[3, out[0], out[1], 2]],
          },
          { label: `alignCorners=${ac} halfPixelCenters=${hp} → ${out}` },
        );
      }
    });
  });

  it('regression fixture: the stock tfjs-backend-cpu 4.22 kernel is wrong for B > 1 (why the fix exists)', async () => {
    expect(stockResizeGrad).toBeDefined();
    const got = await withBackend('cpu', () => {
      const images = tf.zeros([B, H, W, C]);
      const dy = tf.tensor4d(wv!, [B, 2 * H, 2 * W, C]);
      const info = stockResizeGrad!({ inputs: { images, dy }, backend: tf.backend(), attrs: { alignCorners: false, halfPixelCenters: false } as unknown as tf.NamedAttrMap }) as tf.TensorInfo;
      tf.dispose([images, dy]);
      return readAndDispose(tf.engine().makeTensorFromTensorInfo(info));
    });
    const wrong = got.filter((v, k) => Math.abs(v - blockSums[k]!) > 1e-4).length;
    // If a tfjs upgrade fixes the stock kernel this fails: then the fix can go.
    expect(wrong).toBeGreaterThan(0);
    expect(got.slice(0, H * W * C).every((v, k) => Math.abs(v - blockSums[k]!) < 1e-4)).toBe(true); // B = 0 is right
  });
});

describe('registerKernelFills', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is idempotent: a second call keeps the same kernels and warns about nothing', () => {
    const warn = vi.spyOn(console, 'warn');
    const wasmFills = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'CropAndResize', 'Slice', 'PadV2', 'Identity'];
    const before = wasmFills.map((k) => tf.getKernel(k, 'wasm')?.kernelFunc);
    expect(registerKernelFills('wasm')).toEqual(wasmFills);
    expect(registerKernelFills('cpu')).toEqual(['ResizeNearestNeighborGrad']);
    expect(wasmFills.map((k) => tf.getKernel(k, 'wasm')?.kernelFunc)).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves other backends alone', () => {
    expect(registerKernelFills('webgpu')).toEqual([]);
  });
});
