import { buildKnnIndex, knnQueryInto } from '@ptychojs/grouping';
import type { RawData, Reconstruction } from '@ptychojs/io';
import { imageFigureSvg, type ImageFigureOptions } from '../report/charts/image-figure-svg.js';
import { amplitudePhasePngs } from './amplitude-phase-pngs.js';
import { svgToPng } from './svg-to-png.js';
import type { SelfConsistencyResult } from '../reconstruct/self-consistency.js';

/** The pictures of a self-consistency result, PNG bytes, named as their files. */
export interface SelfConsistencyPngs {
  /** log10 of each position's normalized deviance, drawn at its place (`residual_map.png`). */
  readonly residualMap: Uint8Array;
  /** The probe's fluence over the scan with the reliable region's outline (`fluence.png`). */
  readonly fluence: Uint8Array;
  /** The scan positions over the reconstructed amplitude, with the reliable region's outline (`scan.png`). */
  readonly scan: Uint8Array;
  /** The probe's amplitude and phase (`probe_amplitude.png`, `probe_phase.png`). */
  readonly probeAmplitude: Uint8Array;
  readonly probePhase: Uint8Array;
  /** Amplitude and phase cropped to the reliable region's box (`amplitude_reliable.png`, `phase_reliable.png`); absent for an empty region. */
  readonly reliableAmplitude?: Uint8Array;
  readonly reliablePhase?: Uint8Array;
}

const WHITE = [255, 255, 255] as const, CYAN = [0, 200, 255] as const, RED = [230, 30, 30] as const;

/**
 * The pictures of {@link selfConsistency} (issue 17), on the reconstruction's canvas:
 * - the residual map: each canvas pixel within 1.5 × the scan step of a position takes the
 *   log10 normalized deviance of its nearest position (a mosaic of the scan, viridis: 0 is the
 *   counting-noise level, 1 ten times it), white elsewhere; the colour range is −0.5 … 3 (or the
 *   largest value) so that methods compare at a glance;
 * - the fluence map (photons per pixel, viridis) and the scan over the reconstructed amplitude,
 *   each with the reliable region's outline (cyan) and, on the scan, the positions (red);
 * - the probe's amplitude and phase;
 * - amplitude and phase cropped to the reliable region's box (what the report shows by default).
 * Each is an {@link imageFigureSvg} rendered by {@link svgToPng}.
 */
export function selfConsistencyPngs(sc: SelfConsistencyResult, recon: Reconstruction, raw: RawData): SelfConsistencyPngs {
  const [H, W] = recon.object.shape as [number, number];
  const [x0, y0] = recon.canvasOrigin;
  const cx = Float64Array.from(raw.xcoords, (x) => x - x0), cy = Float64Array.from(raw.ycoords, (y) => y - y0);
  const radius = Number.isFinite(sc.step) && sc.step > 0 ? 1.5 * sc.step : raw.N / 4;
  const index = buildKnnIndex(cx, cy);
  const near = new Int32Array(1), map = new Float32Array(H * W);
  let top = 3;
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    knnQueryInto(index, c, r, 1, near, 0, -1);
    const k = near[0]!, v = sc.normalizedDeviance[k]!;
    const inside = Math.hypot(cx[k]! - c, cy[k]! - r) <= radius;
    const l = v > 0 ? Math.log10(v) : Number.NEGATIVE_INFINITY;
    map[r * W + c] = inside && Number.isFinite(l) ? l : inside && l === Number.POSITIVE_INFINITY ? 99 : Number.NaN;
    if (inside && Number.isFinite(l) && l > top) top = l;
  }
  top = Math.ceil(Math.min(top, 98));
  for (let i = 0; i < map.length; i++) if (map[i] === 99) map[i] = top;
  const figure = (plane: Float32Array, o: ImageFigureOptions) => svgToPng(imageFigureSvg(plane, H, W, o));
  const residualMap = figure(map, { colormap: 'viridis', vmin: -0.5, vmax: top, title: 'log10 normalized deviance', nanColor: WHITE });
  const outline = regionOutline(sc.region.mask, H, W);
  const fluence = figure(sc.fluence, { colormap: 'viridis', title: 'fluence photons/px', markers: [{ ...outline, color: CYAN, size: 1 }] });
  const scan = figure(recon.amplitude, { colormap: 'gray', title: 'scan over amplitude', colorbar: false, markers: [{ ...outline, color: CYAN, size: 1 }, { xs: cx, ys: cy, color: RED }] });
  const N = raw.N, pa = new Float32Array(N * N), pp = new Float32Array(N * N);
  for (let i = 0; i < N * N; i++) { pa[i] = Math.hypot(sc.probe.re[i]!, sc.probe.im[i]!); pp[i] = Math.atan2(sc.probe.im[i]!, sc.probe.re[i]!); }
  const probe = amplitudePhasePngs(pa, pp, N, N, 'probe ');
  const box = sc.region.box;
  let crop: ReturnType<typeof amplitudePhasePngs> | undefined;
  if (box) {
    const a = new Float32Array(box.height * box.width), p = new Float32Array(box.height * box.width);
    for (let r = 0; r < box.height; r++) for (let c = 0; c < box.width; c++) {
      a[r * box.width + c] = recon.amplitude[(box.row0 + r) * W + box.col0 + c]!;
      p[r * box.width + c] = recon.phase[(box.row0 + r) * W + box.col0 + c]!;
    }
    crop = amplitudePhasePngs(a, p, box.height, box.width);
  }
  return {
    residualMap, fluence, scan, probeAmplitude: probe.amplitudePng, probePhase: probe.phasePng,
    ...(crop ? { reliableAmplitude: crop.amplitudePng, reliablePhase: crop.phasePng } : {}),
  };
}

/** Pixels of the mask with a 4-neighbour outside it (or on the canvas edge), as marker coordinates. */
function regionOutline(mask: Uint8Array, H: number, W: number): { xs: number[]; ys: number[] } {
  const xs: number[] = [], ys: number[] = [];
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    if (!mask[r * W + c]) continue;
    if (r === 0 || c === 0 || r === H - 1 || c === W - 1 || !mask[(r - 1) * W + c] || !mask[(r + 1) * W + c] || !mask[r * W + c - 1] || !mask[r * W + c + 1]) { xs.push(c); ys.push(r); }
  }
  return { xs, ys };
}
