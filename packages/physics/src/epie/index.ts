// Classical iterative reconstruction (ePIE / rPIE) on typed arrays: no tfjs, browser-safe.
export { epie } from './epie.js';
export { EPIE_DEFAULTS } from './epie-defaults.js';
export { epieCanvas } from './epie-canvas.js';
export type { EpieOptions, EpieProgress, EpieResult, ObjectOnCanvas } from './types.js';
