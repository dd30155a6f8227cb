import { InputError } from '../errors.js';
import { describeArray } from '../describe-array.js';
import { ndarray } from '../ndarray.js';
import { stringArray } from '../string-array.js';
import { toFloat64Array } from '../to-float64-array.js';
import type { FrameSource, NdArray } from '../types.js';
import { containerFields } from './container-fields.js';
import type { FieldMapping, ReaderWarning, ScanReader } from './scan-reader.js';

/** Planck constant × speed of light (J·m): λ = hc / E. */
const HC = 6.62607015e-34 * 299792458;
const DATA = ['/entry_1/data_1/data', '/entry_1/instrument_1/detector_1/data'];
const TRANSLATION = ['/entry_1/data_1/translation', '/entry_1/sample_1/geometry_1/translation'];
const DET = '/entry_1/instrument_1/detector_1';
const PROBE = ['/entry_1/instrument_1/source_1/illumination', '/entry_1/image_1/data'];

/**
 * CXI (Coherent X-ray Imaging format; NeXus NXcxi_ptycho): frames at `/entry_1/data_1/data` (or
 * `instrument_1/detector_1/data`), sample translations in metres (`data_1/translation`, (M, 3)),
 * detector distance and pixel size, source energy in joules, the illumination (probe) and the
 * detector mask (bit 0x1 = invalid pixel). The object pixel is λz/(N·detector pixel) with
 * λ = hc/E. Translations describe the sample, so tools disagree on the sign: ptychodus reads them
 * as probe positions (the default, sign +1), CDTools negates (`positionsSign: -1`); x and y can be
 * swapped (`positionsSwapXY`). Positions in pixels: `x_px = s·t_x/pixel − floor(min) + N/2`, so the
 * scan starts half a pattern inside the frame, shifted by whole pixels only.
 */
export const cxiReader: ScanReader = {
  name: 'cxi',
  format: 'CXI (NeXus NXcxi_ptycho)',
  container: 'hdf5',
  detect: (c) => DATA.some((p) => c.entry(p)?.shape.length === 3) || (Boolean(c.entry('/cxi_version')) && Boolean(c.entry('/entry_1/image_1/data'))),
  open(c, opts) {
    const file = c.file;
    const f = containerFields(c);
    const dataPath = DATA.find((p) => c.entry(p)?.shape.length === 3);
    const mapping: FieldMapping[] = [];
    const notes: string[] = [];
    const warnings: ReaderWarning[] = [];
    const problems: string[] = [];
    const arrays: Record<string, NdArray | FrameSource> = {};
    const base = { file, reader: this.name, format: this.format, contents: c.list(), close: () => c.close() };
    if (!dataPath) {
      problems.push(`${file}: this CXI file holds no diffraction frames (${DATA.join(' or ')}); it is a reconstruction (image_1 probe, image_2 object), not a scan`);
      return { ...base, arrays, mapping, notes, warnings, problems };
    }
    const frames = c.frames(dataPath);
    arrays.diff3d = frames;
    mapping.push({ field: 'diff3d', from: dataPath, how: 'as stored' });
    const [, H, W] = frames.shape as [number, number, number];
    const N = W;

    const distance = f.requireNumber(`${DET}/distance`, undefined, 'detector distance in metres');
    const dx = f.requireNumber(`${DET}/x_pixel_size`, undefined, 'detector pixel width in metres');
    const dy = f.number(`${DET}/y_pixel_size`) ?? dx;
    const energyJ = f.requireNumber('/entry_1/instrument_1/source_1/energy', undefined, 'photon energy in joules');
    for (const [key, v] of [[`${DET}/distance`, distance], [`${DET}/x_pixel_size`, dx], [`${DET}/y_pixel_size`, dy], ['/entry_1/instrument_1/source_1/energy', energyJ]] as const) {
      if (!(v > 0 && Number.isFinite(v))) throw new InputError('must be a positive number', { file, key, expected: '> 0', actual: String(v) });
    }
    if (energyJ > 1e-12) {
      warnings.push({ key: '/entry_1/instrument_1/source_1/energy', what: `photon energy ${energyJ} J is ${(energyJ / 1.602176634e-19).toExponential(3)} eV: CXI stores joules, this looks like eV or keV`, expected: 'joules (10 keV = 1.602e-15 J)', actual: `${energyJ}`, fix: 'write the energy in joules (eV × 1.602176634e-19)' });
    }
    const lambda = HC / energyJ;
    const px = (lambda * distance) / (N * dx), py = (lambda * distance) / (H * dy);

    const tPath = TRANSLATION.find((p) => c.entry(p));
    if (!tPath) throw new InputError('missing required field', { file, key: TRANSLATION[0], expected: 'sample translations (M, 3) in metres', actual: 'absent' });
    const t = c.read(tPath);
    if (t.shape.length !== 2 || t.shape[1]! < 2 || t.shape[0] !== frames.shape[0]) {
      throw new InputError('translations do not match the frames', { file, key: tPath, expected: `(${frames.shape[0]}, 3) metres`, actual: describeArray(t) });
    }
    const tv = toFloat64Array(t), cols = t.shape[1]!, M = t.shape[0]!;
    const sign = opts.positionsSign ?? 1;
    const [ix, iy] = opts.positionsSwapXY ? [1, 0] : [0, 1];
    const xs = new Float64Array(M), ys = new Float64Array(M);
    for (let k = 0; k < M; k++) { xs[k] = (sign * tv[k * cols + ix]!) / px; ys[k] = (sign * tv[k * cols + iy]!) / py; }
    let xmin = Infinity, ymin = Infinity;
    for (let k = 0; k < M; k++) { xmin = Math.min(xmin, xs[k]!); ymin = Math.min(ymin, ys[k]!); }
    const ox = N / 2 - Math.floor(xmin), oy = H / 2 - Math.floor(ymin);
    for (let k = 0; k < M; k++) { xs[k] = xs[k]! + ox; ys[k] = ys[k]! + oy; }
    arrays.xcoords = ndarray('f8', [M], xs);
    arrays.ycoords = ndarray('f8', [M], ys);
    const s = sign < 0 ? '−' : '';
    mapping.push(
      { field: 'xcoords', from: `${tPath}[:, ${ix}]`, how: `${s}t/pixel − floor(min) + N/2, pixel = λz/(N·x_pixel_size) = ${px.toPrecision(6)} m (λ = hc/E = ${lambda.toPrecision(6)} m)` },
      { field: 'ycoords', from: `${tPath}[:, ${iy}]`, how: `${s}t/pixel − floor(min) + N/2, pixel ${py.toPrecision(6)} m` },
    );
    notes.push(`${file}: CXI translations read as probe positions with sign ${sign > 0 ? '+1 (ptychodus)' : '−1 (CDTools)'}${opts.positionsSwapXY ? ', x and y swapped' : ''}; if the reconstruction looks mirrored or smeared, try --positions-sign ${sign > 0 ? '-1' : '1'}${opts.positionsSwapXY ? '' : ' or --positions-swap-xy'} (the scan is drawn over the object in scan.png)`);

    const probePath = PROBE.find((p) => c.entry(p));
    if (probePath) {
      const p = c.read(probePath);
      const plane = p.shape.length > 2 ? { ...p, shape: p.shape.slice(-2), data: p.data.subarray(0, p.shape.slice(-2).reduce((a, b) => a * b, 1) * (p.dtype === 'c8' || p.dtype === 'c16' ? 2 : 1)) as NdArray['data'] } : p;
      arrays.probeGuess = plane;
      mapping.push({ field: 'probeGuess', from: probePath, how: p.shape.length > 2 ? `first mode of ${describeArray(p)}` : undefined });
      for (const img of ['/entry_1/image_1']) {
        const ipx = f.number(`${img}/x_pixel_size`);
        if (probePath.startsWith(img) && ipx !== undefined && Math.abs(ipx - px) > 1e-3 * px) {
          warnings.push({ key: `${img}/x_pixel_size`, what: 'the probe image pixel differs from λz/(N·detector pixel)', expected: `${px.toPrecision(6)} m`, actual: `${ipx.toPrecision(6)} m`, fix: 'check the energy (joules), distance and detector pixel size, or resample the probe' });
        }
      }
    } else {
      problems.push(`${file}: no probe (${PROBE.join(' or ')}); ptychojs needs the illumination: add it to the file`);
    }
    const maskPath = `${DET}/mask`;
    const mask = f.array(maskPath);
    if (mask) {
      const v = toFloat64Array(mask);
      const bad = new Uint8Array(v.length);
      for (let i = 0; i < v.length; i++) bad[i] = (v[i]! & 1) !== 0 ? 1 : 0;
      arrays.bad_pixels = ndarray('b1', mask.shape, bad);
      mapping.push({ field: 'bad_pixels', from: maskPath, how: 'bit 0x1 (invalid pixel) of the CXI mask' });
    }
    const meta = {
      source_format: 'CXI', pixel_size_m: px, pixel_height_m: py,
      // Probe positions in metres: x_m = frame_offset_m[0] + x_px·pixel_size_m (the translation is sign·x_m).
      frame_offset_m: [-ox * px, -oy * py],
      positions_sign: sign, positions_swap_xy: Boolean(opts.positionsSwapXY),
      energy_eV: energyJ / 1.602176634e-19, detector_distance_m: distance, detector_pixel_size_m: [dx, dy],
    };
    arrays._metadata = stringArray(JSON.stringify(meta));
    return { ...base, arrays, mapping, notes, warnings, problems };
  },
};
