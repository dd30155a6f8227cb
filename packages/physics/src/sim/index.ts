// Typed-array physics reference and simulators (SPEC §3 "Forward model"): no tfjs.
export { fftshift2 } from './fftshift2.js';
export { ifftshift2 } from './ifftshift2.js';
export { objectPatch } from './object-patch.js';
export { objectPatches } from './object-patches.js';
export { objectPatchInto } from './object-patch-into.js';
export { objectPatchAdjointAdd } from './object-patch-adjoint-add.js';
export { farFieldAmplitude } from './far-field-amplitude.js';
export { farFieldAmplitudeBatch } from './far-field-amplitude-batch.js';
export { farFieldIntensityInto } from './far-field-intensity-into.js';
export { poissonNllMean } from './poisson-nll-mean.js';
export { assertComplexImage } from './assert-complex-image.js';
export { linesObject, type LinesObjectOptions } from './lines-object.js';
export { grfObject, type GrfObjectOptions } from './grf-object.js';
export { blobsObject, type BlobsObjectOptions } from './blobs-object.js';
export { polygonsObject, type PolygonsObjectOptions } from './polygons-object.js';
export { transmissionFromThickness, type ThicknessObjectOptions } from './transmission-from-thickness.js';
export { linesPinnObject, type LinesPinnObjectOptions, type CanvasSegment } from './lines-pinn-object.js';
export { defaultProbe, type DefaultProbeOptions } from './default-probe.js';
export { defaultProbeDefocus } from './default-probe-defocus.js';
export { probeRmsRadius } from './probe-rms-radius.js';
export { defocusForRmsRadius } from './defocus-for-rms-radius.js';
export { probeSimilarity, PROBE_REFUSE_BELOW, PROBE_WARN_BELOW, type ProbeSimilarity } from './probe-similarity.js';
export { probeEnergyOutsideCentre } from './probe-energy-outside-centre.js';
export { modelProbe } from './model-probe.js';
export { meanIlluminatedEnergy } from './mean-illuminated-energy.js';
export { scanBounds, type ScanBounds } from './scan-bounds.js';
export { gridScan, type GridScanOptions } from './grid-scan.js';
export { jitterScan, type JitterScanOptions } from './jitter-scan.js';
export { randomScan, type RandomScanOptions } from './random-scan.js';
export { spiralScan, type SpiralScanOptions } from './spiral-scan.js';
export { simulateDiffraction, type SimulateDiffractionOptions, type SimulatedDiffraction } from './simulate-diffraction.js';
export {
  simulateScan, type SimulateScanOptions, type SimulatedScan, type SimulationMetadata,
  type ObjectSpec, type ProbeSpec, type ScanSpec,
} from './simulate-scan.js';
export type { ScanArea, ScanPositions } from './types.js';
