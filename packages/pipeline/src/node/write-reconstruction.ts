import path from 'node:path';
import { encodeReconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import { imageFigureSvg } from '../report/charts/image-figure-svg.js';
import type { ReconstructResult } from '../reconstruct/reconstruct-scan.js';
import { RUN_FILES } from '../run-dir/run-files.js';
import { amplitudePhasePngs } from './amplitude-phase-pngs.js';
import { svgToPng } from './svg-to-png.js';

/** What {@link writeReconstruction} writes: a network's reconstruction, or ePIE's without a normalization α. */
type ReconstructionToWrite = Omit<ReconstructResult, 'alpha'> & { readonly alpha: number | null };

/** What {@link writeReconstruction} wrote: every path, and the pictures' bytes for a report to show without reading them back. */
export interface WrittenReconstruction {
  /** The paths written, in order. */
  readonly files: string[];
  /** The PNGs, by file name in the directory (`amplitude.png`, `phase.png`, `scan.png`). */
  readonly pngs: ReadonlyMap<string, Uint8Array>;
}

/**
 * Write a reconstruction directory (SPEC §3 "Reconstruction NPZ"): `reconstruction.npz` (object,
 * amplitude, phase, canvasOrigin), `reconstruction.json` (shape, origin, groups, α, timings and
 * `meta`), `amplitude.png` and `phase.png`, and, given the scan positions, `scan.png` (the
 * amplitude with each position drawn where the reconstruction put it: a wrong position sign or
 * swapped axes shows as a scan off the object), each atomically, into an existing `outDir`.
 *
 * @param result the reconstruction; `alpha` is the normalization α of the network's input (null: the
 *   data as measured, as ePIE reads it)
 * @param positions the scan positions in the scan frame (pixels)
 * @returns the paths written, in that order, and the PNGs' bytes by file name
 */
export function writeReconstruction(outDir: string, result: ReconstructionToWrite, meta: Record<string, unknown>, positions?: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> }): WrittenReconstruction {
  const rec = result.reconstruction;
  const [H, W] = rec.object.shape as [number, number];
  const files = [RUN_FILES.reconstruction, RUN_FILES.reconstructionRecord, RUN_FILES.amplitude, RUN_FILES.phase].map((f) => path.join(outDir, f));
  writeNpzFile(files[0]!, { ...encodeReconstruction({ object: rec.object, canvasOrigin: rec.canvasOrigin }) });
  writeJsonAtomic(files[1]!, { shape: [H, W], canvasOrigin: rec.canvasOrigin, groups: result.groups, alpha: result.alpha, seconds: result.seconds, ...meta });
  const png = amplitudePhasePngs(rec.amplitude, rec.phase, H, W);
  const pngs = new Map<string, Uint8Array>([[RUN_FILES.amplitude, png.amplitudePng], [RUN_FILES.phase, png.phasePng]]);
  if (positions) {
    const [x0, y0] = rec.canvasOrigin;
    pngs.set(RUN_FILES.scanChart, svgToPng(imageFigureSvg(rec.amplitude, H, W, {
      colormap: 'gray', title: 'amplitude and scan positions',
      markers: { xs: Array.from(positions.x, (x) => x - x0), ys: Array.from(positions.y, (y) => y - y0) },
    })));
    files.push(path.join(outDir, RUN_FILES.scanChart));
  }
  for (const [name, bytes] of pngs) writeFileAtomic(path.join(outDir, name), bytes);
  return { files, pngs };
}
