/**
 * @ptychojs/metrics — image-quality metrics for ptychographic reconstructions (SPEC §4):
 * MS-SSIM, SSIM, PSNR, MAE, FRC, alignment to the ground truth (placement by canvasOrigin, crop to
 * the scan box, global phase offset, least-squares gain), integer-shift registration, PtychoPINN's
 * metric variants, and colour-mapped images as PNG (the pixels; titles, colour bars and curves are
 * SVG charts of `@ptychojs/pipeline`). Browser-safe; typed arrays only.
 */
export type { Plane, ScanBox, FrcCurve } from './types.js';
export { ssim, type SsimOptions } from './ssim.js';
export { msSsim, MS_SSIM_WEIGHTS, type MsSsimOptions } from './ms-ssim.js';
export { msSsimScales } from './ms-ssim-scales.js';
export { psnr, type PsnrOptions } from './psnr.js';
export { mae } from './mae.js';
export { frc, type FrcOptions } from './frc.js';
export { halfBitThreshold } from './half-bit-threshold.js';
export { frcResolution, type FrcResolutionOptions, type FrcResolution } from './frc-resolution.js';
export { removePhasePlane, type PhasePlaneRemoval } from './remove-phase-plane.js';
export { msSsimPtychopinn, type MsSsimPtychopinnOptions } from './ptychopinn/ms-ssim-ptychopinn.js';
export { frcPtychopinn, type FrcPtychopinnOptions } from './ptychopinn/frc-ptychopinn.js';
export { scanBoxFromPositions } from './scan-box-from-positions.js';
export { evaluationCrop, type EvaluationCrop } from './evaluation-crop.js';
export { SSIM_WINDOW_SIZE } from './ssim-window-size.js';
export { alignForEvaluation, type AlignedPair } from './align-for-evaluation.js';
export { registerByShift, type ImageLike, type RegisterByShiftOptions, type ShiftRegistration } from './register-by-shift.js';
export { registerCanvasOrigin, type CanvasOriginRegistration } from './register-canvas-origin.js';
export {
  evaluateReconstruction, METRICS_PROFILES, type EvaluateOptions, type EvaluationMetrics, type EvaluationResult, type MetricsProfile,
} from './evaluate-reconstruction.js';
export { colormapRgb, type ColormapName } from './render/colormap-rgb.js';
export { resolveImageOptions, type ImageOptions, type ResolvedImageOptions } from './render/resolve-image-options.js';
export { renderImagePng, type RenderImageOptions, type MarkerSet } from './render/render-image-png.js';
