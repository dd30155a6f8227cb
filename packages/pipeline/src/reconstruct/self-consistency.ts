import { type ComplexArray, type RawData, type Reconstruction } from '@ptychojs/io';
import { halfScanSplit, medianStep, metadataPixelSize } from '@ptychojs/grouping';
import { frcResolution, registerByShift } from '@ptychojs/metrics';
import {
  dataResiduals, fluenceMap, probeChange, probeEnergyOutsideCentre, probeRmsRadius, reliableRegion, scanOverlap, type ReliableRegion,
} from '@ptychojs/physics';
import type { Reporter } from '../reporter.js';
import type { FluenceRecord, HalfScanFrcRecord, ResidualsRecord, SelfConsistencyRecord } from '../run-dir/self-consistency-record.js';

/**
 * Reconstructs the object from some of the scan's positions the way a method did from all of them
 * (same model, same iterations and settings): the half-scan FRC calls it once per half.
 * `half` is 0 or 1.
 */
export type ReconstructSubset = (indices: Int32Array, half: 0 | 1) => Promise<Reconstruction>;

/** Options of {@link selfConsistency}. */
export interface SelfConsistencyOptions {
  /** The method's name, recorded ('network', 'refined', 'epie', 'pretrained', …). */
  readonly method?: string;
  /** The probe the reconstruction goes with (default the scan's probeGuess), and where it came from. */
  readonly probe?: ComplexArray;
  readonly probeSource?: string;
  /** The probe before it was trained or refined, when it was: its change is reported. */
  readonly initialProbe?: ComplexArray;
  /** Detector pixels that count (nonzero) and masked ones (0), (N, N) or (M, N, N): see `dataResiduals`. */
  readonly validPixels?: Uint8Array;
  /**
   * How to reconstruct a subset of positions with the same method, for the half-scan FRC, and a
   * line saying how (e.g. 'ePIE from a flat object, 30 iterations, α = 1'). Without it the FRC is
   * absent, with `halfScanAbsent` (or a default) as the reason.
   */
  readonly reconstructSubset?: ReconstructSubset;
  readonly reconstructSubsetLabel?: string;
  readonly halfScanAbsent?: string;
  /** Fraction of the reference fluence that makes a pixel reliable (default 0.5, `reliableRegion`). */
  readonly reliableFraction?: number;
  /** Where progress lines go. */
  readonly reporter?: Reporter;
}

/** {@link selfConsistency}'s record and the maps behind its pictures. */
export interface SelfConsistencyResult {
  readonly record: SelfConsistencyRecord;
  /** @shape (H, W) photons per pixel on the reconstruction's canvas */
  readonly fluence: Float32Array;
  /** The reliable region on that canvas. */
  readonly region: ReliableRegion;
  /** The probe used. */
  readonly probe: ComplexArray;
  /** Per-position normalized deviance (scan order). */
  readonly normalizedDeviance: Float64Array;
  /** Median distance to the nearest other position, pixels (NaN for one position). */
  readonly step: number;
}

const POOR = 2;
const WORST = 10;
const RESIDUALS_DEFINITION = 'per pattern k, over the valid detector pixels i: mu_i = c*|FFT2(P*O_patch,k)|^2_i/N^2 (SPEC §3 forward model; c one global scale, '
  + 'the median over patterns of sum y / sum |FFT2(P*O)|^2/N^2), y_i = diff3d_i^2 the counts; normalized deviance = sum_i D(y_i, mu_i) / sum_i E[D | mu_i], '
  + 'D(y, mu) = 2(y ln(y/mu) - (y - mu)) the Poisson deviance (McCullagh & Nelder 1989, Generalized Linear Models, sec. 2.3), E[D | mu] its expectation '
  + 'for y ~ Poisson(mu) (so ~1 when the data are Poisson draws of the model); R-factor = sum_i |sqrt(y_i) - sqrt(mu_i)| / sum_i sqrt(y_i)';
const PESSIMISTIC = 'FRC of two reconstructions from interleaved halves of the scan against the 1/2-bit threshold (van Heel & Schatz 2005). '
  + 'Each half has half the dose and half the overlap of the whole scan, so this resolution is a pessimistic bound on that of the full reconstruction: '
  + 'on simulated scans (ePIE, 1e4 to 1e9 photons, 3 to 12 px steps) it was 1.02 times the true resolution (median; 0.96 to 1.24 times), '
  + 'the most pessimistic at low dose on sparse scans (docs/4-metrics.md).';

/**
 * Quality without ground truth for one method's reconstruction (issue 17), the same for every
 * method (network, pretrained, refined, ePIE, or a reconstruction made by another tool):
 *
 * - data residuals: the object and probe pushed through the forward model at every position and
 *   compared with the measured counts (`dataResiduals`: Poisson deviance normalized to ≈ 1 per
 *   pixel for a model that explains the data to the counting noise, and the R-factor), with the
 *   per-position values, a histogram and the worst positions;
 * - the half-scan FRC (when `reconstructSubset` is given): the positions split into two
 *   interleaved halves (`halfScanSplit`: a checkerboard of a raster, else index parity), each
 *   reconstructed with the method, both cropped to the reliable region's box, registered
 *   (sub-pixel shift to 1/20 px, `registerByShift`; relative global phase) and compared by
 *   `frcResolution` against the ½-bit curve; resolution in pixels and, with a `_metadata` pixel
 *   size, in nm — a pessimistic bound (each half has half the dose and half the overlap);
 * - the probe's fluence over the scan (photons per pixel, Φ = the mean counts per pattern) on the
 *   reconstruction's canvas and the reliably reconstructed region (`reliableRegion`), the linear
 *   and areal overlap (`scanOverlap`, step = median nearest-neighbour distance), and the probe
 *   (rms radius, energy outside the central square, change from `initialProbe`).
 *
 * Browser-safe; the half reconstructions are the only costly part (one more run of the method).
 *
 * @throws InputError when the reconstruction, the probe and the scan disagree (from `dataResiduals`)
 */
export async function selfConsistency(raw: RawData, recon: Reconstruction, opts: SelfConsistencyOptions = {}): Promise<SelfConsistencyResult> {
  const probe = opts.probe ?? raw.probeGuess;
  const notes: string[] = [];
  const [H, W] = recon.object.shape as [number, number];
  const xs = raw.xcoords, ys = raw.ycoords, M = raw.M, nn = raw.N * raw.N;

  const res = dataResiduals({
    object: recon.object, canvasOrigin: recon.canvasOrigin, probe, xs, ys, diffraction: raw.diff3d,
    ...(opts.validPixels ? { validPixels: opts.validPixels } : {}),
  });
  const nd = res.normalizedDeviance;
  const finite = Array.from(nd).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const poor = Array.from(nd).filter((v) => !(v <= POOR)).length;
  const order = Array.from({ length: M }, (_, k) => k).sort((a, b) => (Number.isNaN(nd[b]!) ? -1 : Number.isNaN(nd[a]!) ? 1 : nd[b]! - nd[a]!));
  const residuals: ResidualsRecord = {
    definition: RESIDUALS_DEFINITION,
    normalizedDeviance: res.normalizedDevianceTotal,
    medianNormalizedDeviance: finite.length ? finite[Math.floor((finite.length - 1) / 2)]! * 0.5 + finite[Math.ceil((finite.length - 1) / 2)]! * 0.5 : Number.NaN,
    rFactor: res.rFactorTotal,
    poorlyExplained: { threshold: POOR, positions: poor, fraction: poor / M },
    scale: res.scale,
    pixelsPerPattern: res.pixels.reduce((a, b) => Math.max(a, b), 0), maskedPixels: nn - res.pixels.reduce((a, b) => Math.min(a, b), nn),
    perPosition: { x: Array.from(xs), y: Array.from(ys), normalizedDeviance: Array.from(nd), rFactor: Array.from(res.rFactor) },
    histogram: log10Histogram(finite),
    worst: order.slice(0, Math.min(WORST, M)).map((k) => ({ index: k, x: xs[k]!, y: ys[k]!, normalizedDeviance: nd[k]!, rFactor: res.rFactor[k]! })),
  };
  if (opts.validPixels) notes.push(`${residuals.maskedPixels} masked detector pixels excluded from the residuals`);

  let counts = 0;
  for (let i = 0; i < raw.diff3d.length; i++) counts += raw.diff3d[i]! ** 2;
  const photonsPerExposure = counts / M > 0 ? counts / M : 1;
  const fluence = fluenceMap({ probe, xs, ys, height: H, width: W, canvasOrigin: recon.canvasOrigin, photonsPerExposure });
  const region = reliableRegion(fluence, H, W, { fraction: opts.reliableFraction ?? 0.5 });
  const inside: number[] = [];
  for (let i = 0; i < H * W; i++) if (region.mask[i]) inside.push(fluence[i]!);
  inside.sort((a, b) => a - b);
  const fluenceRecord: FluenceRecord = {
    photonsPerExposure, reference: region.reference, threshold: region.threshold, fraction: opts.reliableFraction ?? 0.5,
    reliablePixels: region.pixels, canvasPixels: H * W, medianInside: inside.length ? inside[Math.floor(inside.length / 2)]! : 0, box: region.box,
  };

  const step = medianStep(xs, ys);
  const rms = probeRmsRadius(probe);
  const ov = Number.isFinite(step) ? scanOverlap(step, rms) : undefined;
  const probeRecord = {
    source: opts.probeSource ?? 'probeGuess of the scan', rmsRadius: rms, energyOutsideCentre: probeEnergyOutsideCentre(probe),
    change: opts.initialProbe ? probeChange(opts.initialProbe, probe) : null,
  };

  let halfScanFrc: HalfScanFrcRecord | null = null;
  let halfScanFrcAbsent: string | null = null;
  if (!opts.reconstructSubset) halfScanFrcAbsent = opts.halfScanAbsent ?? 'no way to reconstruct half the scan with this method was given';
  else if (M < 8) halfScanFrcAbsent = `${M} scan position${M === 1 ? '' : 's'}: too few to split into two halves that each reconstruct the object`;
  else if (!region.box) halfScanFrcAbsent = 'no reliably reconstructed region';
  else {
    const t0 = performance.now();
    const split = halfScanSplit(xs, ys);
    opts.reporter?.info(`half-scan FRC${opts.method ? ` (${opts.method})` : ''}: ${split.kind} split into ${split.halves[0].length} + ${split.halves[1].length} positions; reconstructing each half${opts.reconstructSubsetLabel ? ` (${opts.reconstructSubsetLabel})` : ''}`);
    const a = await opts.reconstructSubset(split.halves[0], 0);
    const b = await opts.reconstructSubset(split.halves[1], 1);
    const box = region.box;
    const ox = Math.round(recon.canvasOrigin[0]) + box.col0, oy = Math.round(recon.canvasOrigin[1]) + box.row0;
    const crop = commonCrop([a, b], ox, oy, box.width, box.height);
    if (!crop) halfScanFrcAbsent = 'the two half reconstructions do not both cover the reliable region';
    else if (Math.min(crop.width, crop.height) < 16) halfScanFrcAbsent = `the region both halves cover is ${crop.height}×${crop.width} px: under the 16×16 an FRC needs`;
    else {
      const A = cut(a, crop), B = cut(b, crop);
      const reg = registerByShift(A, B, { upsample: 20, maxShift: Math.max(1, Math.min(4, Math.floor(Math.min(crop.width, crop.height) / 8))) });
      const px = metadataPixelSize(raw.metadata);
      const f = frcResolution(A, B, { shift: [reg.dx, reg.dy], ...(px ? { pixelSize: px.value } : {}) });
      if (px) notes.push(`pixel size ${px.value} m from _metadata.${px.key}`);
      halfScanFrc = {
        split: split.kind, positions: [split.halves[0].length, split.halves[1].length],
        reconstruction: opts.reconstructSubsetLabel ?? 'the same method and settings on each half',
        box: { x0: crop.x0, y0: crop.y0, width: crop.width, height: crop.height },
        registration: { dx: reg.dx, dy: reg.dy, peak: reg.peak }, globalPhase: f.globalPhase, threshold: 'half-bit',
        crossing: f.crossing, reachesNyquist: f.reachesNyquist, resolutionPixels: f.resolutionPixels, resolutionNm: f.resolutionNm ?? null, pixelSize: px?.value ?? null,
        curve: { frequency: Array.from(f.frequency), value: Array.from(f.value), threshold: Array.from(f.threshold) },
        note: PESSIMISTIC, seconds: (performance.now() - t0) / 1000,
      };
    }
  }
  const record: SelfConsistencyRecord = {
    ...(opts.method ? { method: opts.method } : {}),
    residuals, halfScanFrc, halfScanFrcAbsent,
    overlap: ov ? { step: ov.step, probeDiameter: ov.diameter, linear: ov.linear, areal: ov.areal } : null,
    fluence: fluenceRecord, probe: probeRecord, notes,
  };
  return { record, fluence, region, probe, normalizedDeviance: nd, step };
}

/** Histogram of log10 values in 0.1-decade bins spanning the data (at least −0.5 … 1.5). */
function log10Histogram(sorted: readonly number[]): { log10Edges: number[]; counts: number[] } {
  const logs = sorted.filter((v) => v > 0).map(Math.log10);
  const lo = Math.min(-0.5, Math.floor((logs[0] ?? 0) * 10) / 10), hi = Math.max(1.5, Math.ceil((logs.at(-1) ?? 0) * 10 + 1e-9) / 10);
  const nb = Math.max(1, Math.round((hi - lo) * 10));
  const counts = new Array<number>(nb).fill(0);
  for (const l of logs) counts[Math.min(nb - 1, Math.max(0, Math.floor((l - lo) * 10)))]!++;
  return { log10Edges: Array.from({ length: nb + 1 }, (_, i) => Math.round((lo + i / 10) * 10) / 10), counts };
}

/** The part of the box (object frame, integer corner ox, oy) that every reconstruction's canvas covers, or undefined. */
function commonCrop(recs: readonly Reconstruction[], ox: number, oy: number, width: number, height: number) {
  let x0 = ox, y0 = oy, x1 = ox + width, y1 = oy + height;
  for (const r of recs) {
    const [h, w] = r.object.shape as [number, number];
    const cx = Math.round(r.canvasOrigin[0]), cy = Math.round(r.canvasOrigin[1]);
    x0 = Math.max(x0, cx); y0 = Math.max(y0, cy); x1 = Math.min(x1, cx + w); y1 = Math.min(y1, cy + h);
  }
  return x1 > x0 && y1 > y0 ? { x0, y0, width: x1 - x0, height: y1 - y0 } : undefined;
}

/** The crop of a reconstruction's object, object frame (its origin rounded to whole pixels). */
function cut(r: Reconstruction, c: { x0: number; y0: number; width: number; height: number }) {
  const w = r.object.shape[1]!, cx = Math.round(r.canvasOrigin[0]), cy = Math.round(r.canvasOrigin[1]);
  const re = new Float64Array(c.width * c.height), im = new Float64Array(c.width * c.height);
  for (let i = 0; i < c.height; i++) for (let j = 0; j < c.width; j++) {
    const k = (c.y0 - cy + i) * w + (c.x0 - cx + j);
    re[i * c.width + j] = r.object.re[k]!; im[i * c.width + j] = r.object.im[k]!;
  }
  return { shape: [c.height, c.width], re, im };
}

