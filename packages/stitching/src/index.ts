/**
 * @ptychojs/stitching — overlap-normalized stitching of predicted patches onto a canvas
 * (SPEC §4 "Stitching for inference", SPEC §3 coordinates and reconstruction contract).
 */
export { createStitcher, type Stitcher, type StitcherOptions } from './create-stitcher.js';
export { placeCentral } from './place-central.js';
export { extractCentral } from './extract-central.js';
export { canvasFrame } from './canvas-frame.js';
export { defaultCentralSize } from './default-central-size.js';
export { stitchingMemoryBytes } from './stitching-memory-bytes.js';
export type { AccumulatorPrecision, CanvasFrame, StitchResult } from './types.js';
