import { InputError } from '../errors.js';
import { describeArray } from '../describe-array.js';
import { ndarray } from '../ndarray.js';
import { stringArray } from '../string-array.js';
import type { NdArray } from '../types.js';
import { containerFields } from './container-fields.js';
import { metresToPixels } from './metres-to-pixels.js';
import type { ScanContainer } from './scan-container.js';
import type { FieldMapping, ReaderWarning } from './scan-reader.js';

/** A ptychodus product mapped to the SPEC §3 fields it holds (no diffraction: products have none). */
export interface ProductScan {
  /** `xcoords`, `ycoords` (object pixels), `probeGuess` (N, N), `_metadata` (the geometry). */
  readonly arrays: Record<string, NdArray>;
  /** @shape (M,) `probe_position_indexes`: the diffraction frame of each position. */
  readonly indexes: Float64Array;
  readonly mapping: FieldMapping[];
  readonly notes: string[];
  readonly warnings: ReaderWarning[];
  /** The full probe (all OPR and incoherent modes), `opr_weights`, the object, for writers. */
  readonly extras: Record<string, NdArray>;
}

/** Relative difference beyond which two pixel sizes are "different" (float32 round trips stay far below). */
const SAME_PIXEL = 1e-6;

/**
 * Map a ptychodus product (the HDF5 layout of `h5_product_file.py`, or the NPZ one of
 * `npz_product_file.py`) to SPEC §3 fields. Positions: `x_px = (x_m − center_x_m)/pixel_width_m
 * + W/2` with the object's geometry (ptychodus's own mapping), y likewise. Probe: the first OPR
 * mode and the first incoherent mode of a 2-, 3- or 4-D probe (said in a note; the rest kept in
 * `extras`). The object's centre, pixel size and shape go to `_metadata` (the frame the positions
 * are in, which writers use to place a reconstruction); the object itself is not ground truth and
 * is not mapped to `objectGuess`. Warns when probe and object pixels differ (ptychodus samples both
 * at λz over the processed detector width) or are not square.
 *
 * @throws InputError naming file and field when a required field is missing or malformed
 */
export function ptychodusProductScan(c: ScanContainer, layout: 'h5' | 'npz'): ProductScan {
  const f = containerFields(c);
  const file = c.file;
  const h5 = layout === 'h5';
  const P = (name: string): string => (h5 ? `/${name}` : name);
  // Field names: HDF5 keeps geometry as attributes of `probe`/`object`; NPZ as prefixed keys.
  const probeAttr = (a: string): [string, string?] => (h5 ? ['/probe', a] : [`probe_${a}`]);
  const objectAttr = (a: string, npz: string): [string, string?] => (h5 ? ['/object', a] : [npz]);
  const where = (p: [string, string?]): string => (p[1] ? `${p[0]}@${p[1]}` : p[0]);
  const num = (p: [string, string?], expected: string): number => {
    const v = f.requireNumber(p[0], p[1], expected);
    if (!(Number.isFinite(v))) throw new InputError('not a finite number', { file, key: where(p), expected, actual: String(v) });
    return v;
  };
  const positive = (p: [string, string?]): number => {
    const v = num(p, 'a pixel size in metres > 0');
    if (!(v > 0)) throw new InputError('pixel size must be positive', { file, key: where(p), expected: 'metres > 0', actual: String(v) });
    return v;
  };

  const xKey = P('probe_position_x_m'), yKey = P('probe_position_y_m'), iKey = P('probe_position_indexes');
  const xm = f.vector(xKey), ym = f.vector(yKey);
  if (!xm || !ym) throw new InputError('missing required field', { file, key: !xm ? xKey : yKey, expected: 'probe positions in metres (M,)', actual: 'absent' });
  if (xm.length !== ym.length) throw new InputError('x and y positions differ in length', { file, key: yKey, expected: `(${xm.length},)`, actual: `(${ym.length},)` });
  const indexes = f.vector(iKey) ?? Float64Array.from(xm, (_, i) => i);
  if (indexes.length !== xm.length) throw new InputError('position indexes differ in length from the positions', { file, key: iKey, expected: `(${xm.length},)`, actual: `(${indexes.length},)` });

  const probe = f.array(P('probe'));
  if (!probe) throw new InputError('missing required field', { file, key: P('probe'), expected: 'a complex probe (…, N, N)', actual: 'absent' });
  const object = f.array(P('object'));
  if (!object) throw new InputError('missing required field', { file, key: P('object'), expected: 'a complex object (…, H, W)', actual: 'absent' });
  for (const [a, key, ranks] of [[probe, P('probe'), [2, 3, 4]], [object, P('object'), [2, 3]]] as const) {
    if (!(ranks as readonly number[]).includes(a.shape.length) || a.dtype === 'U' || a.dtype === 'S') {
      throw new InputError('wrong rank or dtype', { file, key, expected: `a complex array of rank ${ranks.join(' or ')}`, actual: describeArray(a) });
    }
  }
  const probePx: [number, number] = [positive(probeAttr('pixel_width_m')), positive(probeAttr('pixel_height_m'))];
  const objectPx: [number, number] = [positive(objectAttr('pixel_width_m', 'object_pixel_width_m')), positive(objectAttr('pixel_height_m', 'object_pixel_height_m'))];
  const center: [number, number] = [num(objectAttr('center_x_m', 'object_center_x_m'), 'the object centre in metres'), num(objectAttr('center_y_m', 'object_center_y_m'), 'the object centre in metres')];
  const [H, W] = object.shape.slice(-2) as [number, number];

  const notes: string[] = [];
  const warnings: ReaderWarning[] = [];
  const mapping: FieldMapping[] = [];
  const frame = { centerX: center[0], centerY: center[1], pixelWidth: objectPx[0], pixelHeight: objectPx[1], width: W, height: H };
  const { x, y } = metresToPixels(xm, ym, frame);
  const cx = h5 ? '/object@center_x_m' : 'object_center_x_m', pw = h5 ? '/object@pixel_width_m' : 'object_pixel_width_m';
  mapping.push(
    { field: 'xcoords', from: xKey, how: `(x_m − center_x_m)/pixel_width_m + W/2 with the object's centre and pixel size (${cx}, ${pw}), W = ${W}: ptychodus's object frame` },
    { field: 'ycoords', from: yKey, how: `(y_m − center_y_m)/pixel_height_m + H/2, H = ${H}` },
  );

  // Probe: (N, N), (modes, N, N) or (opr, modes, N, N): the first of each.
  const [pn0, pn1] = probe.shape.slice(-2) as [number, number];
  const planes = probe.shape.length === 2 ? 1 : probe.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const first = firstPlane(probe);
  if (planes > 1) {
    const dims = probe.shape.length === 4 ? `${probe.shape[0]} OPR × ${probe.shape[1]} incoherent modes` : `${probe.shape[0]} incoherent modes`;
    notes.push(`${file}: probe ${describeArray(probe)} holds ${dims}; using the first OPR mode's first incoherent mode (ptychojs models one coherent probe); the others are kept for writing a product`);
  }
  mapping.push({ field: 'probeGuess', from: P('probe'), how: planes > 1 ? `[${probe.shape.slice(0, -2).map(() => 0).join(', ')}, :, :] of ${describeArray(probe)}` : undefined });
  if (object.shape.length === 3 && object.shape[0]! > 1) {
    notes.push(`${file}: object ${describeArray(object)} has ${object.shape[0]} layers (multislice); only its geometry is used (centre, pixel size, ${H}×${W})`);
  }
  notes.push(`${file}: the product's object (${H}×${W}) is not ground truth: it sets the pixel frame of the positions (centre, pixel size) and is not mapped to objectGuess`);

  const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  if (rel(probePx[0], objectPx[0]) > SAME_PIXEL || rel(probePx[1], objectPx[1]) > SAME_PIXEL) {
    warnings.push({
      key: h5 ? '/probe@pixel_width_m' : 'probe_pixel_width_m',
      what: 'probe and object pixel sizes differ; ptychodus samples both at λz over the processed detector width, and the model assumes they are equal',
      expected: `the object's ${fmtM(objectPx[0])} × ${fmtM(objectPx[1])}`, actual: `probe ${fmtM(probePx[0])} × ${fmtM(probePx[1])}`,
      fix: 'resample the probe onto the object grid (ptychodus: Probe → resize) or correct the pixel sizes in the file; positions were converted with the object pixel size',
    });
  }
  if (rel(objectPx[0], objectPx[1]) > SAME_PIXEL) {
    warnings.push({
      key: h5 ? '/object@pixel_height_m' : 'object_pixel_height_m', what: 'object pixels are not square; the model assumes square pixels',
      expected: `height = width = ${fmtM(objectPx[0])}`, actual: `height ${fmtM(objectPx[1])}`, fix: 'bin or crop the detector so that the pixel is square',
    });
  }

  const meta: Record<string, unknown> = {
    source_format: h5 ? 'ptychodus product (HDF5)' : 'ptychodus product (NPZ)',
    pixel_size_m: objectPx[0], pixel_height_m: objectPx[1],
    // Probe positions in metres: x_m = frame_offset_m[0] + x_px·pixel_size_m (ptychodus: center − W/2·pixel).
    frame_offset_m: [center[0] - (W / 2) * objectPx[0], center[1] - (H / 2) * objectPx[1]],
    probe_pixel_size_m: probePx,
  };
  for (const [key, name] of [['detector_object_distance_m', 'detector_distance_m'], ['probe_energy_eV', 'energy_eV'], ['probe_photon_count', 'probe_photon_count'], ['exposure_time_s', 'exposure_time_s']] as const) {
    const v = h5 ? f.number('/', key) : f.number(key);
    if (v !== undefined && Number.isFinite(v)) meta[name] = v;
  }
  for (const key of ['name', 'comments']) {
    const v = h5 ? f.string('/', key) : f.string(key);
    if (v) meta[key] = v;
  }
  const extras: Record<string, NdArray> = { probe, object };
  const opr = (h5 ? c.attr('/probe', 'opr_weights') : undefined) ?? f.array(P('opr_weights'));
  if (opr) extras.opr_weights = opr;
  return {
    arrays: {
      xcoords: ndarray('f8', [x.length], x), ycoords: ndarray('f8', [y.length], y),
      probeGuess: ndarray(first.dtype, [pn0, pn1], first.data),
      _metadata: stringArray(JSON.stringify(meta)),
    },
    indexes, mapping, notes, warnings, extras,
  };
}

/** The first (N, N) plane of a (…, N, N) array. */
function firstPlane(a: NdArray): NdArray {
  const [h, w] = a.shape.slice(-2) as [number, number];
  const lanes = a.dtype === 'c8' || a.dtype === 'c16' ? 2 : 1;
  return { dtype: a.dtype, shape: [h, w], data: a.data.subarray(0, h * w * lanes) as NdArray['data'] };
}

function fmtM(v: number): string {
  return `${v.toPrecision(6)} m`;
}
