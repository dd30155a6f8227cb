import { InputError } from '../errors.js';
import type { ComplexArray, NdArray } from '../types.js';

/**
 * A reconstruction as a ptychodus product describes it (`h5_product_file.py`): what the writers
 * of `--format ptychodus-h5|ptychodus-npz|cxi` put in their files. Units: metres, electron-volts,
 * seconds.
 */
export interface ReconstructionProduct {
  readonly name: string;
  readonly comments: string;
  readonly detectorDistanceM: number;
  readonly probeEnergyEv: number;
  readonly probePhotonCount: number;
  readonly exposureTimeS: number;
  /** @shape (M,) int — the frame index of each position. */
  readonly positionIndexes: BigInt64Array;
  /** @shape (M,) metres — probe positions, in the frame where the object centre is. */
  readonly positionXM: Float64Array;
  readonly positionYM: Float64Array;
  /** The probe as the scan gave it: all its modes when the input kept them ((…, N, N) complex). */
  readonly probe: NdArray;
  readonly probePixelM: readonly [number, number];
  /** @shape (1, H, W) complex64 — one layer. */
  readonly object: ComplexArray;
  /** Object centre and pixel size: ptychodus places pixel (r, c) at `center + (c − W/2, r − H/2)·pixel`. */
  readonly objectCenterM: readonly [number, number];
  readonly objectPixelM: readonly [number, number];
  readonly lossEpochs: BigInt64Array;
  readonly lossValues: Float64Array;
}

/** What {@link reconstructionProduct} needs of a scan. */
export interface ProductScan {
  readonly source: string;
  /** @shape (M,) object pixels (SPEC §3) */
  readonly xcoords: Float64Array;
  readonly ycoords: Float64Array;
  /** @shape (N, N) complex */
  readonly probeGuess: ComplexArray;
  /** `_metadata`: `pixel_size_m`, `pixel_height_m`, `frame_offset_m`, `energy_eV`, `detector_distance_m`, `nphotons`… (set by the scan readers). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** Options of {@link reconstructionProduct}. */
export interface ReconstructionProductOptions {
  /** Object pixel size in metres when the scan's metadata has none (`--pixel-size`). */
  readonly pixelSizeM?: number;
  /** The probe with all its modes (a ptychodus product's `probe`, kept by the reader). */
  readonly probe?: NdArray;
  /** Loss or cost per epoch / iteration. */
  readonly losses?: readonly number[];
  /** `comments`: how it was made (method, version). */
  readonly comments: string;
}

/**
 * A stitched reconstruction (canvas pixel (r, c) is the scan-frame point (c + x0, r + y0), SPEC §3)
 * as a ptychodus product, placed where the scan was: with the scan's metric frame
 * (`x_m = frame_offset_m[0] + x_px·pixel`, recorded by the readers; offset 0 for a scan in pixels
 * only) the probe positions are `x_m` and the object centre is the metre point of canvas column
 * W/2, `center_x = offset + (x0 + W/2)·pixel` — so ptychodus's `(x_m − center)/pixel + W/2` maps
 * each position onto its canvas column `x_px − x0` (PtychoPINN's exporter leaves the centre at 0
 * and puts the scan half an object off). Pixel size: the scan's (`_metadata.pixel_size_m`), else
 * `pixelSizeM`. Energy, distance, exposure and photon count unknown to the scan are written as 0
 * (the product requires the fields) and listed in `comments`.
 *
 * @throws InputError when no pixel size is known
 */
export function reconstructionProduct(
  rec: { readonly object: ComplexArray; readonly canvasOrigin: readonly [number, number] },
  scan: ProductScan,
  opts: ReconstructionProductOptions,
): ReconstructionProduct {
  const meta = scan.metadata ?? {};
  const num = (k: string): number | undefined => { const v = meta[k]; return typeof v === 'number' && Number.isFinite(v) ? v : undefined; };
  const pw = productPixelSize(scan, opts.pixelSizeM);
  const ph = num('pixel_height_m') ?? pw;
  const off = Array.isArray(meta.frame_offset_m) && meta.frame_offset_m.length === 2 && meta.frame_offset_m.every((v) => typeof v === 'number' && Number.isFinite(v))
    ? (meta.frame_offset_m as [number, number]) : [0, 0] as const;
  const [H, W] = rec.object.shape as [number, number];
  const [x0, y0] = rec.canvasOrigin;
  const M = scan.xcoords.length;
  const xm = Float64Array.from(scan.xcoords, (x) => off[0] + x * pw);
  const ym = Float64Array.from(scan.ycoords, (y) => off[1] + y * ph);
  const unknown: string[] = [];
  const orZero = (k: string, what: string): number => { const v = num(k); if (v === undefined) unknown.push(what); return v ?? 0; };
  const distance = orZero('detector_distance_m', 'detector distance');
  const energy = orZero('energy_eV', 'probe energy');
  const photons = num('probe_photon_count') ?? num('nphotons') ?? (unknown.push('photon count'), 0);
  const exposure = orZero('exposure_time_s', 'exposure time');
  const probe = opts.probe ?? { dtype: 'c8', shape: scan.probeGuess.shape, data: interleave(scan.probeGuess) };
  const probePx = Array.isArray(meta.probe_pixel_size_m) && meta.probe_pixel_size_m.length === 2 ? (meta.probe_pixel_size_m as [number, number]) : [pw, ph] as const;
  const losses = opts.losses ?? [];
  return {
    name: typeof meta.name === 'string' && meta.name ? meta.name : baseName(scan.source),
    comments: `${opts.comments}${unknown.length ? `; unknown to the scan, written as 0: ${unknown.join(', ')}` : ''}`,
    detectorDistanceM: distance, probeEnergyEv: energy, probePhotonCount: photons, exposureTimeS: exposure,
    positionIndexes: BigInt64Array.from({ length: M }, (_, k) => BigInt(k)),
    positionXM: xm, positionYM: ym,
    probe, probePixelM: probePx,
    object: { shape: [1, H, W], re: rec.object.re, im: rec.object.im },
    objectCenterM: [off[0] + (x0 + W / 2) * pw, off[1] + (y0 + H / 2) * ph],
    objectPixelM: [pw, ph],
    lossEpochs: BigInt64Array.from(losses, (_, i) => BigInt(i)),
    lossValues: Float64Array.from(losses),
  };
}

function interleave(c: ComplexArray): Float32Array {
  const out = new Float32Array(2 * c.re.length);
  for (let i = 0; i < c.re.length; i++) { out[2 * i] = c.re[i]!; out[2 * i + 1] = c.im[i]!; }
  return out;
}

function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

/**
 * The object pixel size a product of this scan is written with: the scan's
 * `_metadata.pixel_size_m` (the readers of ptychodus and CXI files record it), else `pixelSizeM`.
 * Commands call it before they write anything.
 *
 * @throws InputError naming the scan and `--pixel-size` when neither is known
 */
export function productPixelSize(scan: Pick<ProductScan, 'source' | 'metadata'>, pixelSizeM?: number): number {
  const v = scan.metadata?.pixel_size_m;
  const pw = typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : pixelSizeM;
  if (!(pw !== undefined && pw > 0 && Number.isFinite(pw))) {
    throw new InputError('writing a ptychodus product or CXI file needs the object pixel size in metres, and the scan has none', {
      file: scan.source, key: '--pixel-size', expected: "the scan's _metadata.pixel_size_m (ptychodus and CXI files carry it) or --pixel-size METRES", actual: pixelSizeM === undefined ? 'absent' : String(pixelSizeM),
    });
  }
  return pw;
}
