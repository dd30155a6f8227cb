import { metadataPixelSize } from '@ptychojs/grouping';
import type { ScanBox } from '@ptychojs/metrics';
import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';

/** A median step below this many pixels is no scan: positions are in another unit (metres). */
const MIN_STEP_PX = 0.05;

/**
 * Positions that cannot be pixels of the object frame (warnings): every position the same point
 * (`duplicate-positions`; `coincide`), or a median step below 0.05 px or a span below 1 px
 * (`positions-units`: metres?; `notPixels`), with the step in pixels when `_metadata` records a
 * pixel size. Either makes the step's other findings (overlap, duplicates) meaningless.
 *
 * @param extent box spanned by the M ≥ 2 finite positions
 * @param step their median nearest-neighbour distance
 */
export function positionUnitsWarnings(file: string, M: number, extent: ScanBox, step: number, metadata: Readonly<Record<string, unknown>> | undefined): { readonly warnings: ScanIssue[]; readonly coincide: boolean; readonly notPixels: boolean } {
  const { xmin, xmax, ymin, ymax } = extent;
  const span = Math.max(xmax - xmin, ymax - ymin);
  if (span === 0) {
    return {
      warnings: [scanIssue(file, 'duplicate-positions', 'xcoords', `all ${M} scan positions are the same point (${fmt(xmin)}, ${fmt(ymin)})`, 'distinct scan positions', `${M} identical`,
        'the stage did not move (or its positions were not recorded): check the position export')],
      coincide: true, notPixels: false,
    };
  }
  if (!(step < MIN_STEP_PX || span < 1)) return { warnings: [], coincide: false, notPixels: false };
  const px = metadataPixelSize(metadata);
  const what = span < 1
    ? `scan positions span ${fmt(span)} px with a median step of ${fmt(step)} px: the whole scan narrower than a pixel, so not pixel units (metres?)`
    : `neighbouring scan positions are a median ${fmt(step)} px apart (the scan spans ${fmt(span)} px): steps below ${MIN_STEP_PX} px are not pixel units (metres?) or repeated positions`;
  return {
    warnings: [scanIssue(file, 'positions-units', 'xcoords', what,
      `positions in pixels of the object frame, step ≥ ${MIN_STEP_PX} px`, `x ${fmt(xmin)} … ${fmt(xmax)}, y ${fmt(ymin)} … ${fmt(ymax)}`,
      `convert the positions to pixels: divide by the object pixel size${px ? ` (_metadata ${px.key} = ${px.value}: step would be ${fmt(step / px.value)} px)` : ' (metres per pixel)'}`)],
    coincide: false, notPixels: true,
  };
}
