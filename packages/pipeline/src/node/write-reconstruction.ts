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
 * @returns the paths written, in that order
 */
export function writeReconstruction(outDir: string, result: ReconstructionToWrite, meta: Record<string, unknown>, positions?: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> }): string[] {
  const rec = result.reconstruction;
  const [H, W] = rec.object.shape as [number, number];
  const files = [RUN_FILES.reconstruction, RUN_FILES.reconstructionRecord, RUN_FILES.amplitude, RUN_FILES.phase].map((f) => path.join(outDir, f));
  writeNpzFile(files[0]!, { ...encodeReconstruction({ object: rec.object, canvasOrigin: rec.canvasOrigin }) });
  writeJsonAtomic(files[1]!, { shape: [H, W], canvasOrigin: rec.canvasOrigin, groups: result.groups, alpha: result.alpha, seconds: result.seconds, ...meta });
  const png = amplitudePhasePngs(rec.amplitude, rec.phase, H, W);
  writeFileAtomic(files[2]!, png.amplitudePng);
  writeFileAtomic(files[3]!, png.phasePng);
  if (positions) {
    const [x0, y0] = rec.canvasOrigin;
    const file = path.join(outDir, RUN_FILES.scanChart);
    writeFileAtomic(file, svgToPng(imageFigureSvg(rec.amplitude, H, W, {
      colormap: 'gray', title: 'amplitude and scan positions',
      markers: { xs: Array.from(positions.x, (x) => x - x0), ys: Array.from(positions.y, (y) => y - y0) },
    })));
    files.push(file);
  }
  return files;
}
