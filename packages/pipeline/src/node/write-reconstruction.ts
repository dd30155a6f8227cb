import path from 'node:path';
import { encodeReconstruction } from '@ptychojs/io';
import { writeFileAtomic, writeJsonAtomic, writeNpzFile } from '@ptychojs/io/node';
import { amplitudePhasePngs } from '../amplitude-phase-pngs.js';
import type { ReconstructResult } from '../reconstruct-scan.js';

/**
 * Write a reconstruction directory (SPEC §3 "Reconstruction NPZ"): `reconstruction.npz` (object,
 * amplitude, phase, canvasOrigin), `reconstruction.json` (shape, origin, groups, α, timings and
 * `meta`), `amplitude.png` and `phase.png`, each atomically, into an existing `outDir`.
 *
 * @returns the paths written, in that order
 */
export function writeReconstruction(outDir: string, result: ReconstructResult, meta: Record<string, unknown>): string[] {
  const rec = result.reconstruction;
  const [H, W] = rec.object.shape as [number, number];
  const files = ['reconstruction.npz', 'reconstruction.json', 'amplitude.png', 'phase.png'].map((f) => path.join(outDir, f));
  writeNpzFile(files[0]!, { ...encodeReconstruction({ object: rec.object, canvasOrigin: rec.canvasOrigin }) });
  writeJsonAtomic(files[1]!, { shape: [H, W], canvasOrigin: rec.canvasOrigin, groups: result.groups, alpha: result.alpha, seconds: result.seconds, ...meta });
  const png = amplitudePhasePngs(rec.amplitude, rec.phase, H, W);
  writeFileAtomic(files[2]!, png.amplitudePng);
  writeFileAtomic(files[3]!, png.phasePng);
  return files;
}
