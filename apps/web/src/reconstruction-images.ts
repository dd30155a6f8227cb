/**
 * What the viewer shows for a reconstruction NPZ (SPEC §3 "Reconstruction NPZ"): amplitude and
 * phase as PNGs with colour bars (a cyclic map for phase), the same images `ptycho infer` writes
 * (`amplitudePhasePngs` of @ptychojs/pipeline), plus the frame it lives in.
 */
import { parseNpz, parseReconstruction } from '@ptychojs/io';
import { amplitudePhasePngs } from '@ptychojs/pipeline';

export interface ReconstructionImages {
  readonly height: number;
  readonly width: number;
  readonly canvasOrigin: readonly [number, number];
  /** PNG bytes, gray colour map. */
  readonly amplitudePng: Uint8Array;
  /** PNG bytes, twilight (cyclic) colour map over [−π, π]. */
  readonly phasePng: Uint8Array;
}

/** Decode a `reconstruction.npz` and render its amplitude and phase. */
export function reconstructionImages(bytes: Uint8Array, file = 'reconstruction.npz'): ReconstructionImages {
  const rec = parseReconstruction(parseNpz(bytes, { file }), file);
  const [height, width] = rec.object.shape as [number, number];
  return { height, width, canvasOrigin: rec.canvasOrigin, ...amplitudePhasePngs(rec.amplitude, rec.phase, height, width) };
}
