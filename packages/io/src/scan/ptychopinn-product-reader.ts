import { InputError } from '../errors.js';
import { describeArray } from '../describe-array.js';
import { ndarray } from '../ndarray.js';
import type { FrameSource, NdArray } from '../types.js';
import { containerFields } from './container-fields.js';
import { ptychodusProductScan } from './ptychodus-product-scan.js';
import type { ScanReader } from './scan-reader.js';

/** Positions from the product's metres and from /raw_data further apart than this (pixels) are reported. */
const AGREE_PX = 0.5;

/**
 * A ptychodus product carrying PtychoPINN's `/raw_data` extension (`ptycho/io/ptychodus_product_io.py`):
 * `/raw_data/diffraction` (amplitudes, (M, H, W)), `/raw_data/xcoords`, `ycoords` (object pixels),
 * `scan_index`, and `objectGuess` / `probeGuess` linked to the product's `object` / `probe`.
 * The pixel positions of `/raw_data` are used; where the product's positions in metres map
 * elsewhere (PtychoPINN's exporter writes `x_m = x_px·pixel` without the object centre, which puts
 * a scan half an object off in ptychodus), a warning says by how much.
 */
export const ptychopinnProductReader: ScanReader = {
  name: 'ptychopinn-product-h5',
  format: "ptychodus product, HDF5, with PtychoPINN's /raw_data (diffraction and pixel positions)",
  container: 'hdf5',
  detect: (c) => Boolean(c.entry('/probe_position_x_m') && c.entry('/raw_data/diffraction')),
  open(c) {
    const p = ptychodusProductScan(c, 'h5');
    const f = containerFields(c);
    const file = c.file;
    const xr = f.vector('/raw_data/xcoords'), yr = f.vector('/raw_data/ycoords');
    if (!xr || !yr) throw new InputError('missing required field', { file, key: !xr ? '/raw_data/xcoords' : '/raw_data/ycoords', expected: 'positions in object pixels (M,)', actual: 'absent' });
    const arrays: Record<string, NdArray | FrameSource> = {
      ...p.arrays,
      xcoords: ndarray('f8', [xr.length], xr), ycoords: ndarray('f8', [yr.length], yr),
      diff3d: c.frames('/raw_data/diffraction'),
    };
    const mapping = [
      { field: 'xcoords', from: '/raw_data/xcoords', how: 'object pixels, as stored' },
      { field: 'ycoords', from: '/raw_data/ycoords', how: 'object pixels, as stored' },
      { field: 'diff3d', from: '/raw_data/diffraction', how: 'amplitudes, as stored (axis_canonical NHW)' },
      ...p.mapping.filter((m) => m.field === 'probeGuess'),
    ];
    const si = f.array('/raw_data/scan_index');
    if (si) { arrays.scan_index = si; mapping.push({ field: 'scan_index', from: '/raw_data/scan_index', how: 'as stored' }); }
    const og = f.array('/raw_data/objectGuess');
    const notes = p.notes.filter((n) => !/is not ground truth/.test(n));
    if (og) {
      arrays.objectGuess = og;
      mapping.push({ field: 'objectGuess', from: '/raw_data/objectGuess', how: `as stored ${describeArray(og)} (PtychoPINN links it to /object: the scan's objectGuess)` });
    }
    const warnings = [...p.warnings];
    const xm = p.arrays.xcoords!.data as Float64Array, ym = p.arrays.ycoords!.data as Float64Array;
    if (xm.length === xr.length) {
      let worst = 0, dx = 0, dy = 0;
      for (let i = 0; i < xr.length; i++) {
        const d = Math.hypot(xm[i]! - xr[i]!, ym[i]! - yr[i]!);
        dx += xm[i]! - xr[i]!; dy += ym[i]! - yr[i]!;
        if (d > worst) worst = d;
      }
      if (worst > AGREE_PX) {
        const n = xr.length;
        warnings.push({
          key: '/probe_position_x_m',
          what: `the product's positions in metres map ${worst.toFixed(1)} px away from /raw_data's pixel positions (mean offset x ${(dx / n).toFixed(1)}, y ${(dy / n).toFixed(1)} px); ptychodus would place this scan there`,
          expected: 'positions in metres that map onto /raw_data/xcoords, ycoords with the object centre and pixel size',
          actual: `max ${worst.toFixed(1)} px apart`,
          fix: "the file was probably written by PtychoPINN's exporter, which ignores the object centre (x_m = x_px·pixel): ptychojs uses /raw_data's pixel positions; rewrite the product with ptychojs (--format ptychodus-h5) for ptychodus to place it right",
        });
      }
    } else {
      warnings.push({ key: '/raw_data/xcoords', what: 'the product and /raw_data hold different numbers of positions', expected: `(${xm.length},)`, actual: `(${xr.length},)`, fix: "use /raw_data's (read here) or rewrite the file" });
    }
    return { file, reader: this.name, format: this.format, arrays, mapping, notes, warnings, problems: [], contents: c.list(), extras: p.extras, close: () => c.close() };
  },
};
