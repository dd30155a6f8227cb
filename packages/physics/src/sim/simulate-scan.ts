import { createRng, fromComplexArray, InputError, ndarray, stringArray, type ComplexArray, type NdArray } from '@ptychojs/io';
import { assertComplexImage } from './assert-complex-image.js';
import { blobsObject, type BlobsObjectOptions } from './blobs-object.js';
import { defaultProbe, type DefaultProbeOptions } from './default-probe.js';
import { grfObject, type GrfObjectOptions } from './grf-object.js';
import { gridScan } from './grid-scan.js';
import { jitterScan } from './jitter-scan.js';
import { linesObject, type LinesObjectOptions } from './lines-object.js';
import { linesPinnObject, type LinesPinnObjectOptions } from './lines-pinn-object.js';
import { polygonsObject, type PolygonsObjectOptions } from './polygons-object.js';
import { probeEnergyOutsideCentre } from './probe-energy-outside-centre.js';
import { probeRmsRadius } from './probe-rms-radius.js';
import { randomScan } from './random-scan.js';
import { simulateDiffraction } from './simulate-diffraction.js';
import { spiralScan } from './spiral-scan.js';
import type { ScanPositions } from './types.js';

type Size = { readonly height?: number; readonly width?: number };
/** Which object to simulate. Sizes default to round(2.5·N) square (160 at N = 64). */
export type ObjectSpec =
  | ({ readonly kind: 'lines' } & Size & Omit<LinesObjectOptions, 'rng' | 'height' | 'width'>)
  | ({ readonly kind: 'grf' } & Size & Omit<GrfObjectOptions, 'rng' | 'height' | 'width'>)
  /** PtychoPINN's `lines` recipe (`linesPinnObject`). */
  | ({ readonly kind: 'lines-pinn' } & Size & Omit<LinesPinnObjectOptions, 'rng' | 'height' | 'width'>)
  /** Soft-edged ellipses of random thickness (`blobsObject`). */
  | ({ readonly kind: 'blobs' } & Size & Omit<BlobsObjectOptions, 'rng' | 'height' | 'width'>)
  /** Sharp-edged random polygons of random thickness (`polygonsObject`). */
  | ({ readonly kind: 'polygons' } & Size & Omit<PolygonsObjectOptions, 'rng' | 'height' | 'width'>)
  /** A given object (e.g. read by the CLI from `from:FILE.npz`); `label` names it in metadata and errors. */
  | { readonly kind: 'array'; readonly array: ComplexArray; readonly label?: string };
/** Which probe to use. */
export type ProbeSpec =
  | ({ readonly kind: 'default' } & DefaultProbeOptions)
  | { readonly kind: 'array'; readonly array: ComplexArray; readonly label?: string };
/** Which scan to use (positions are patch centres, see `scanBounds`). */
export type ScanSpec =
  | { readonly kind: 'grid'; readonly step: number }
  | { readonly kind: 'jitter'; readonly step: number; readonly jitter?: number }
  | { readonly kind: 'random'; readonly count: number }
  | { readonly kind: 'spiral'; readonly step: number; readonly count?: number }
  | { readonly kind: 'positions'; readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number>; readonly label?: string };

/** Options of {@link simulateScan}; every field has a default. */
export interface SimulateScanOptions {
  /** Patch side N; default the probe array's side, else 64. */
  readonly n?: number;
  /** Default `{ kind: 'lines' }`. */
  readonly object?: ObjectSpec;
  /** Default `{ kind: 'default' }`. */
  readonly probe?: ProbeSpec;
  /** Default `{ kind: 'jitter', step: N/16 }` (4 px at N = 64, 529 positions on the default object). */
  readonly scan?: ScanSpec;
  /** Mean total counts per pattern. Default 1e9 (SPEC §3 defaults). */
  readonly nphotons?: number;
  /** Default `'poisson'`. */
  readonly noise?: 'poisson' | 'none';
  /** Seed of every random choice (object, scan, noise each get their own stream). Default 0. */
  readonly seed?: number;
  /** Progress of the diffraction pass: (patterns done, M). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What `_metadata` records (SPEC §3), also returned as a plain object. */
export interface SimulationMetadata {
  readonly source: 'ptychojs simulate';
  readonly nphotons: number;
  readonly noise: 'poisson' | 'none';
  readonly object: string;
  readonly probe: string;
  readonly scan: string;
  readonly seed: number;
  readonly N: number;
  readonly M: number;
  readonly object_shape: readonly [number, number];
  /** `probeRmsRadius` of the probe, pixels. */
  readonly probe_rms_radius: number;
  /** `probeEnergyOutsideCentre` of the probe: the fraction of its energy outside the central N/2 square. */
  readonly probe_energy_outside_centre: number;
  /** Factor on A² giving expected counts (see `simulateDiffraction`). */
  readonly dose_scale: number;
  /** The options of the object, probe and scan, without arrays. */
  readonly params: { readonly object: Record<string, unknown>; readonly probe: Record<string, unknown>; readonly scan: Record<string, unknown> };
}

/** Result of {@link simulateScan}. */
export interface SimulatedScan {
  /**
   * The raw NPZ members of SPEC §3, ready for `encodeNpz` or `toRawData`: `xcoords`, `ycoords`
   * (M,) f8, `diff3d` (M, N, N) f4, `probeGuess` (N, N) c8, `objectGuess` (H, W) c8,
   * `scan_index` (M,) i8 zeros, `_metadata` 0-d unicode JSON.
   */
  readonly arrays: Readonly<Record<'xcoords' | 'ycoords' | 'diff3d' | 'probeGuess' | 'objectGuess' | 'scan_index' | '_metadata', NdArray>>;
  readonly metadata: SimulationMetadata;
  readonly object: ComplexArray;
  readonly probe: ComplexArray;
  readonly positions: ScanPositions;
  /** Mean over patterns of Σ counts, as drawn. */
  readonly meanCounts: number;
}

/**
 * A complete simulated ptychography scan (SPEC §1 `ptycho simulate`, §3 contracts): makes or
 * takes the object and probe, lays the scan, then runs `simulateDiffraction` (dose so the mean
 * total counts per pattern equal nphotons, Poisson noise unless `noise: 'none'`). Repeatable per
 * seed: the object, scan and noise draw from three streams forked from `createRng(seed)` in that
 * order, so changing e.g. the noise model leaves object and positions unchanged.
 *
 * @throws InputError on bad options (naming the option) or arrays (naming their label).
 */
export function simulateScan(opts: SimulateScanOptions = {}): SimulatedScan {
  const seed = opts.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new InputError('seed must be an integer', { key: 'seed', expected: 'a safe integer', actual: String(seed) });
  const root = createRng(seed);
  const objectRng = root.fork(), scanRng = root.fork(), noiseRng = root.fork();

  const probeSpec: ProbeSpec = opts.probe ?? { kind: 'default' };
  let probe: ComplexArray;
  let n: number;
  if (probeSpec.kind === 'array') {
    assertComplexImage(probeSpec.array, { file: probeSpec.label, key: 'probeGuess' }, { square: true });
    n = probeSpec.array.shape[0]!;
    if (opts.n !== undefined && opts.n !== n) throw new InputError('probe size differs from N', { file: probeSpec.label, key: 'probeGuess', expected: `(${opts.n}, ${opts.n})`, actual: `(${n}, ${n})` });
    probe = probeSpec.array;
  } else {
    n = opts.n ?? 64;
    const { kind: _k, ...po } = probeSpec;
    probe = defaultProbe(n, po);
  }

  const objectSpec: ObjectSpec = opts.object ?? { kind: 'lines' };
  let object: ComplexArray;
  const side = Math.round(2.5 * n);
  if (objectSpec.kind === 'array') {
    assertComplexImage(objectSpec.array, { file: objectSpec.label, key: 'objectGuess' });
    object = objectSpec.array;
  } else if (objectSpec.kind === 'lines') {
    const { kind: _k, height = side, width = side, ...o } = objectSpec;
    object = linesObject({ ...o, height, width, rng: objectRng });
  } else if (objectSpec.kind === 'lines-pinn') {
    const { kind: _k, height = side, width = side, ...o } = objectSpec;
    object = linesPinnObject({ ...o, height, width, rng: objectRng });
  } else if (objectSpec.kind === 'blobs') {
    const { kind: _k, height = side, width = side, ...o } = objectSpec;
    object = blobsObject({ ...o, height, width, rng: objectRng });
  } else if (objectSpec.kind === 'polygons') {
    const { kind: _k, height = side, width = side, ...o } = objectSpec;
    object = polygonsObject({ ...o, height, width, rng: objectRng });
  } else {
    const { kind: _k, height = side, width = side, ...o } = objectSpec;
    object = grfObject({ ...o, height, width, rng: objectRng });
  }
  const [H, W] = object.shape as [number, number];

  const scanSpec: ScanSpec = opts.scan ?? { kind: 'jitter', step: n / 16 };
  const area = { height: H, width: W, n };
  let positions: ScanPositions;
  switch (scanSpec.kind) {
    case 'grid': positions = gridScan({ ...area, step: scanSpec.step }); break;
    case 'jitter': positions = jitterScan({ ...area, step: scanSpec.step, jitter: scanSpec.jitter, rng: scanRng }); break;
    case 'random': positions = randomScan({ ...area, count: scanSpec.count, rng: scanRng }); break;
    case 'spiral': positions = spiralScan({ ...area, step: scanSpec.step, count: scanSpec.count }); break;
    case 'positions': {
      if (scanSpec.xs.length !== scanSpec.ys.length) {
        throw new InputError('xcoords and ycoords differ in length', { file: scanSpec.label, key: 'ycoords', expected: `(${scanSpec.xs.length},)`, actual: `(${scanSpec.ys.length},)` });
      }
      positions = { xs: Float64Array.from(scanSpec.xs), ys: Float64Array.from(scanSpec.ys) };
      break;
    }
    default: throw new InputError('unknown scan kind', { key: 'scan', expected: 'grid, jitter, random, spiral or positions', actual: String((scanSpec as { kind: unknown }).kind) });
  }

  const nphotons = opts.nphotons ?? 1e9;
  const noise = opts.noise ?? 'poisson';
  const sim = simulateDiffraction({ object, probe, xs: positions.xs, ys: positions.ys, nphotons, noise, rng: noiseRng, onProgress: opts.onProgress });
  const M = sim.M;

  const metadata: SimulationMetadata = {
    source: 'ptychojs simulate',
    nphotons, noise,
    object: objectSpec.kind === 'array' ? objectSpec.label ?? 'array' : objectSpec.kind,
    probe: probeSpec.kind === 'array' ? probeSpec.label ?? 'array' : probeSpec.kind,
    scan: scanSpec.kind === 'positions' ? scanSpec.label ?? 'positions' : scanSpec.kind,
    seed, N: n, M,
    object_shape: [H, W],
    probe_rms_radius: probeRmsRadius(probe),
    probe_energy_outside_centre: n % 4 === 0 ? probeEnergyOutsideCentre(probe) : Number.NaN,
    dose_scale: sim.doseScale,
    params: { object: withoutArrays(objectSpec), probe: withoutArrays(probeSpec), scan: withoutArrays(scanSpec) },
  };
  const arrays = {
    xcoords: ndarray('f8', [M], positions.xs),
    ycoords: ndarray('f8', [M], positions.ys),
    diff3d: ndarray('f4', [M, n, n], sim.diff3d),
    probeGuess: fromComplexArray(probe),
    objectGuess: fromComplexArray(object),
    scan_index: ndarray('i8', [M], new BigInt64Array(M)),
    _metadata: stringArray(JSON.stringify(metadata)),
  };
  return { arrays, metadata, object, probe, positions, meanCounts: sim.meanCounts };
}

/** The spec's plain options (for metadata): drops the kind, arrays and positions. */
function withoutArrays(spec: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'kind' || k === 'array' || k === 'xs' || k === 'ys' || v === undefined) continue;
    out[k] = v;
  }
  return out;
}
