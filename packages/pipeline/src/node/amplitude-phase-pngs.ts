import { imageFigureSvg } from '../report/charts/image-figure-svg.js';
import { svgToPng } from './svg-to-png.js';

/**
 * Amplitude and phase images as PNGs with colour bars, the way every ptychojs view shows them
 * (SPEC §3 "Reconstruction NPZ"): amplitude in gray, phase in the cyclic twilight map over
 * [−π, π], each an {@link imageFigureSvg} rendered by {@link svgToPng}. Titles are `amplitude`
 * and `phase`, after `titlePrefix` (e.g. `true `).
 *
 * @shape amplitude, phase (H, W) float32
 */
export function amplitudePhasePngs(amplitude: Float32Array, phase: Float32Array, H: number, W: number, titlePrefix = ''): { amplitudePng: Uint8Array; phasePng: Uint8Array } {
  return {
    amplitudePng: svgToPng(imageFigureSvg(amplitude, H, W, { colormap: 'gray', title: `${titlePrefix}amplitude` })),
    phasePng: svgToPng(imageFigureSvg(phase, H, W, { colormap: 'twilight', vmin: -Math.PI, vmax: Math.PI, title: `${titlePrefix}phase` })),
  };
}
