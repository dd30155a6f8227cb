/**
 * Differentiable physics of SPEC §3 on tfjs-core, backend-agnostic (complex fields as re/im
 * float32 pairs, SPEC §5). Re-exported by the package root.
 *
 * Gradients: tfjs-core's Node bundle registers no gradient functions; importing
 * `@tensorflow/tfjs-layers` (or `@tensorflow/tfjs`) registers them, and bundlers get them from
 * `@tensorflow/tfjs-core/dist/register_all_gradients`. Our own ops (padAndDiffract, translate,
 * extractPatches, reassemble, the Poisson clamp) carry custom gradients; the plain tfjs ops
 * around them need the registry.
 */
export type { ComplexTensor, RealOrComplex } from './types.js';
export { isComplex } from './is-complex.js';
export { NonFiniteError } from './errors.js';
export { shiftedDftMatrix, type DftMatrix } from './shifted-dft-matrix.js';
export { dft2 } from './dft2.js';
export { dft2Adjoint } from './dft2-adjoint.js';
export { padAndDiffract } from './pad-and-diffract.js';
export { groupEstimate, singlePatternEstimate, type GroupGeometry } from './single-pattern-estimate.js';
export { translate } from './translate.js';
export { extractPatches } from './extract-patches.js';
export { reassemble, type ReassembleOptions } from './reassemble.js';
export type { Coords } from './internal/relative-shifts.js';
export { trim } from './trim.js';
export { padToCanvas } from './pad-to-canvas.js';
export { probeDiskMask } from './probe-disk-mask.js';
export { gaussianSmoothingMatrix } from './gaussian-smoothing-matrix.js';
export { probeIllumination, type ProbeIlluminationOptions } from './probe-illumination.js';
export { intensityScale } from './intensity-scale.js';
export { intensityScaleInverse } from './intensity-scale-inverse.js';
export { intensityScaleFactor } from './intensity-scale-factor.js';
export { poissonNll, type PoissonNllOptions } from './poisson-nll.js';
export { mae } from './mae.js';
export { complexMae } from './complex-mae.js';
export { totalVariation } from './total-variation.js';
