import type { ComplexArray } from '@ptychojs/io';
import type { ScanBox } from './types.js';
import { placeAndCrop } from './internal/place-and-crop.js';
import { registerByShift } from './register-by-shift.js';

/** Result of {@link registerCanvasOrigin}. */
export interface CanvasOriginRegistration {
  /** The registered origin `[x0 + dx, y0 + dy]` (integer). */
  readonly origin: readonly [number, number];
  /** The correction found, in pixels. [0, 0] means the recorded origin is already the best integer one. */
  readonly shift: readonly [number, number];
  /** Normalized correlation peak (see {@link registerByShift}). */
  readonly peak: number;
}

/**
 * Check a reconstruction's recorded `canvasOrigin` (SPEC §3) against the ground truth: crop both to
 * the scan box at the recorded origin (as {@link alignForEvaluation} does), register the complex
 * crops by integer-shift cross-correlation (phase-insensitive), and return the origin that
 * registration implies. Scoring with the recorded origin should not be worse than scoring with
 * this one; a non-zero shift points at an origin bug.
 * @param maxShift largest correction searched per axis (default 8 px)
 */
export function registerCanvasOrigin(recon: ComplexArray, reconOrigin: readonly [number, number], truth: ComplexArray, scanBox?: ScanBox, maxShift = 8): CanvasOriginRegistration {
  const p = placeAndCrop('registerCanvasOrigin', recon, reconOrigin, truth, scanBox);
  const shape = [p.height, p.width];
  const s = registerByShift({ shape, re: p.truthRe, im: p.truthIm }, { shape, re: p.reconRe, im: p.reconIm }, { maxShift });
  return { origin: [p.origin[0] + s.dx, p.origin[1] + s.dy], shift: [s.dx, s.dy], peak: s.peak };
}
