import type * as H5 from 'h5wasm';
import type { H5Wasm } from '../scan/open-hdf5-container.js';
import { complexDataset, complexPlanes } from './write-ptychodus-h5.js';
import type { ReconstructionProduct } from './reconstruction-product.js';

/** 1 eV in joules (CXI stores energies in joules). */
const EV = 1.602176634e-19;

/** How a reconstruction was made, for CXI's `process_1`. */
export interface CxiProcess {
  readonly program: string;
  readonly version: string;
  /** ISO 8601 time of writing. */
  readonly date: string;
  readonly command: string;
  /** Settings as JSON text. */
  readonly parameters: string;
}

/**
 * Write a reconstruction as CXI (NXcxi_ptycho's layout): `entry_1/image_1` the probe (first mode,
 * `data_type` "probe"), `entry_1/image_2` the object (`data_type` "object", its pixel size and, as
 * ptychodus places it, `center_m` [x, y]), the scan translations in metres
 * (`sample_1/geometry_1/translation`, (M, 3), sign and axis order as the scan was read: +1 is
 * ptychodus's reading), `instrument_1` (source energy in joules, detector distance, illumination
 * linked to image_1) where known, and `process_1` (program, version, date, command, parameters).
 * Strings are variable-length UTF-8.
 */
export function writeCxi(h5: H5Wasm, path: string, p: ReconstructionProduct, process: CxiProcess, opts: { sign?: 1 | -1; swapXY?: boolean } = {}): void {
  const f = new h5.File(path, 'w');
  try {
    f.create_dataset({ name: 'cxi_version', data: 150, shape: [], dtype: '<i' });
    const e = f.create_group('entry_1');
    const str = (g: H5.Group, name: string, v: string): void => { g.create_dataset({ name, data: v, dtype: 'S' }); };
    const num = (g: H5.Group, name: string, v: number): void => { g.create_dataset({ name, data: v, shape: [], dtype: '<d' }); };
    const [N0, N1] = p.probe.shape.slice(-2) as [number, number];
    const lanes = 2 * N0 * N1;
    const first = { ...p.probe, shape: [N0, N1], data: p.probe.data.subarray(0, lanes) as Float32Array };
    const i1 = e.create_group('image_1');
    complexDataset(i1, 'data', first);
    str(i1, 'data_type', 'probe');
    num(i1, 'x_pixel_size', p.probePixelM[0]);
    num(i1, 'y_pixel_size', p.probePixelM[1]);
    const i2 = e.create_group('image_2');
    const [, H, W] = p.object.shape as [number, number, number];
    complexPlanes(i2, 'data', { shape: [H, W], re: p.object.re, im: p.object.im });
    str(i2, 'data_type', 'object');
    num(i2, 'x_pixel_size', p.objectPixelM[0]);
    num(i2, 'y_pixel_size', p.objectPixelM[1]);
    i2.create_dataset({ name: 'center_m', data: Float64Array.from(p.objectCenterM), shape: [2], dtype: '<d' });
    const inst = e.create_group('instrument_1');
    const src = inst.create_group('source_1');
    if (p.probeEnergyEv > 0) num(src, 'energy', p.probeEnergyEv * EV);
    src.create_hard_link('/entry_1/image_1/data', 'illumination');
    const det = inst.create_group('detector_1');
    if (p.detectorDistanceM > 0) num(det, 'distance', p.detectorDistanceM);
    const M = p.positionXM.length, s = opts.sign ?? 1;
    const t = new Float64Array(3 * M);
    for (let k = 0; k < M; k++) {
      const [a, b] = opts.swapXY ? [p.positionYM[k]!, p.positionXM[k]!] : [p.positionXM[k]!, p.positionYM[k]!];
      t[3 * k] = s * a; t[3 * k + 1] = s * b;
    }
    const geo = e.create_group('sample_1').create_group('geometry_1');
    geo.create_dataset({ name: 'translation', data: t, shape: [M, 3], dtype: '<d' });
    const pr = e.create_group('process_1');
    str(pr, 'program', process.program);
    str(pr, 'version', process.version);
    str(pr, 'date', process.date);
    str(pr, 'command', process.command);
    str(pr, 'parameters', process.parameters);
  } finally {
    f.close();
  }
}
