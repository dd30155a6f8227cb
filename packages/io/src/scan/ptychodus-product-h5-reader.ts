import { ptychodusProductScan } from './ptychodus-product-scan.js';
import type { ScanReader } from './scan-reader.js';

/**
 * A ptychodus product in HDF5 (`h5_product_file.py`): positions in metres, probe, object with its
 * centre and pixel size, losses. It holds no diffraction: give the diffraction file as the scan and
 * the product as `--positions` (or read a product with PtychoPINN's `/raw_data`).
 */
export const ptychodusProductH5Reader: ScanReader = {
  name: 'ptychodus-product-h5',
  format: 'ptychodus product, HDF5',
  container: 'hdf5',
  detect: (c) => Boolean(c.entry('/probe_position_x_m') && c.entry('/probe') && c.entry('/object')),
  open(c) {
    const p = ptychodusProductScan(c, 'h5');
    return {
      file: c.file, reader: this.name, format: this.format, arrays: p.arrays, mapping: p.mapping, notes: p.notes, warnings: p.warnings,
      problems: [`${c.file}: a ptychodus product holds positions, probe and object but no diffraction patterns; give the diffraction file as the scan and this product with --positions ${c.file}`],
      contents: c.list(), extras: p.extras, close: () => c.close(),
    };
  },
};
