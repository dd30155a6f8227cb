/**
 * Kernel fills for tfjs backends (`@ptychojs/physics/kernels`, SPEC §5): register with
 * `registerKernelFills(backendName)` after importing a backend package.
 */
export { registerKernelFills, type KernelFillOptions } from './kernels/register-kernel-fills.js';
export { conv2DBackpropFilterFill } from './kernels/conv2d-backprop-filter-fill.js';
export { conv2DBackpropInputFill } from './kernels/conv2d-backprop-input-fill.js';
export { resizeNearestNeighborGradFix } from './kernels/resize-nearest-neighbor-grad-fix.js';
export { cropAndResizeFill } from './kernels/crop-and-resize-fill.js';
export { cropAndResizeInto, type CropAndResizeArgs } from './kernels/crop-and-resize-into.js';
