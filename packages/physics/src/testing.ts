/**
 * Test utilities shared by the physics and model suites (`@ptychojs/physics/testing`): backend
 * set-up with our kernel fills, one-suite-per-backend declaration, tolerance asserts that explain
 * themselves, the adjoint dot-product test, finite-difference gradient checks, and float64
 * references of the forward model. Imports vitest; not for production code.
 */
export { ALL_TEST_BACKENDS, backendsUnderTest, initBackend, tensorflowRequested, testBackendSkipReason, useBackend, webgpuRequested, withBackend, type TestBackend } from './testing/backends.js';
export { ensureGradients } from './backends/ensure-gradients.js';
export { describeEachBackend } from './testing/describe-each-backend.js';
export { describeValue, expectClose, maxAbs, type CloseOptions } from './testing/expect-close.js';
export { expectAdjoint, type AdjointOptions, type LinearOperatorPair } from './testing/expect-adjoint.js';
export { expectGradientMatchesFiniteDifferences, type GradientCheck } from './testing/expect-gradient.js';
export { randomNormalArrays, randomUniformArray } from './testing/random-arrays.js';
export { readAndDispose } from './testing/read.js';
export { bilinearSample } from './testing/reference/bilinear-sample.js';
export { dft2ShiftedReference } from './testing/reference/dft2-shifted-reference.js';
export { padAndDiffractReference } from './testing/reference/pad-and-diffract-reference.js';
export { translateReference } from './testing/reference/translate-reference.js';
export { extractPatchesReference } from './testing/reference/extract-patches-reference.js';
export { reassembleReference } from './testing/reference/reassemble-reference.js';
export { singlePatternEstimateReference } from './testing/reference/single-pattern-estimate-reference.js';
