import * as tf from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterFill } from './conv2d-backprop-filter-fill.js';
import { conv2DBackpropInputFill } from './conv2d-backprop-input-fill.js';
import { cropAndResizeFill } from './crop-and-resize-fill.js';
import { identityFill } from './identity-fill.js';
import { padFill } from './pad-fill.js';
import { resizeNearestNeighborGradFix } from './resize-nearest-neighbor-grad-fix.js';
import { sliceFill } from './slice-fill.js';

/** Options of {@link registerKernelFills}. */
export interface KernelFillOptions {
  /**
   * Also replace cpu's `Conv2DBackpropFilter` with the Conv2D-based fill (~20x faster training on
   * cpu, notes/tfjs-lab.md §1). Off by default, so the cpu backend stays a stock reference.
   */
  readonly cpuConvBackpropFilter?: boolean;
}

/** Marks our kernel functions, so a second registration (even from another copy of this module) is a no-op. */
const MARK = Symbol.for('@ptychojs/physics/kernel-fill');
const isOurs = (f: tf.KernelFunc) => (f as unknown as Record<symbol, unknown>)[MARK] === true;

function install(kernelName: string, backendName: string, make: (current: tf.KernelConfig | undefined) => tf.KernelFunc): void {
  const current = tf.getKernel(kernelName, backendName);
  if (current !== undefined && isOurs(current.kernelFunc)) return;
  const fill = make(current);
  const kernelFunc: tf.KernelFunc = (args) => fill(args);
  Object.defineProperty(kernelFunc, MARK, { value: true });
  if (current !== undefined) tf.unregisterKernel(kernelName, backendName);
  // Keep the stock kernel's setup/dispose hooks: the fallback path still calls its kernelFunc.
  tf.registerKernel({ kernelName, backendName, kernelFunc, setupFunc: current?.setupFunc, disposeFunc: current?.disposeFunc });
}

/**
 * Register our kernel fills and fixes on a tfjs backend (SPEC §5 "wasm (SIMD) with our registered
 * kernel fills"); idempotent. Call after importing the backend package, before or after it is
 * initialised.
 * - `wasm`: `Conv2DBackpropFilter` (missing in tfjs-backend-wasm 4.22; training fails without it),
 *   a fast stride-1 `Conv2DBackpropInput` (stock kernel kept as the general fallback), and a correct
 *   `CropAndResize` (the stock one misreads images past 2^24 elements and has a fast path that
 *   ignores x1; see `cropAndResizeFill`), a `Slice` that does not copy its whole input first
 *   (`sliceFill`), a `PadV2` ~15× faster than the stock one (`padFill`), and an `Identity` that
 *   shares its input's data instead of copying it (`identityFill`: tfjs clones every tensor a
 *   gradient saves).
 * - `cpu`: a correct `ResizeNearestNeighborGrad` (stock one is wrong for batch > 1), and
 *   optionally the fast `Conv2DBackpropFilter`.
 * - other backends: nothing (webgpu has all kernels).
 *
 * @returns the kernel names that are now filled on that backend
 */
export function registerKernelFills(backendName: string, opts: KernelFillOptions = {}): string[] {
  const filled: string[] = [];
  const needConv = () => {
    if (tf.getKernel('Conv2D', backendName) === undefined) {
      throw new Error(`registerKernelFills('${backendName}'): no Conv2D kernel registered — import the backend package first`);
    }
  };
  if (backendName === 'wasm') {
    needConv();
    install('Conv2DBackpropFilter', backendName, () => conv2DBackpropFilterFill(backendName));
    install('Conv2DBackpropInput', backendName, (current) => conv2DBackpropInputFill(backendName, current?.kernelFunc));
    install('CropAndResize', backendName, () => cropAndResizeFill(backendName));
    install('Slice', backendName, (current) => sliceFill(current?.kernelFunc));
    install('PadV2', backendName, (current) => padFill(current?.kernelFunc));
    install('Identity', backendName, (current) => identityFill(current?.kernelFunc));
    filled.push('Conv2DBackpropFilter', 'Conv2DBackpropInput', 'CropAndResize', 'Slice', 'PadV2', 'Identity');
  } else if (backendName === 'cpu') {
    if (tf.getKernel('ResizeNearestNeighbor', backendName) === undefined) {
      throw new Error(`registerKernelFills('cpu'): the cpu backend is not registered — import @tensorflow/tfjs-backend-cpu first`);
    }
    install('ResizeNearestNeighborGrad', backendName, () => resizeNearestNeighborGradFix);
    filled.push('ResizeNearestNeighborGrad');
    if (opts.cpuConvBackpropFilter) {
      needConv();
      install('Conv2DBackpropFilter', backendName, () => conv2DBackpropFilterFill(backendName));
      filled.push('Conv2DBackpropFilter');
    }
  }
  return filled;
}
