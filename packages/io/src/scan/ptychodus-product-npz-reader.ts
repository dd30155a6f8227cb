import { ptychodusProductScan } from './ptychodus-product-scan.js';
import type { ScanReader } from './scan-reader.js';

/**
 * A ptychodus product in NPZ (`npz_product_file.py`: `probe_position_x_m`, `probe`,
 * `object_center_x_m`…). No diffraction: give the diffraction file as the scan and the product as
 * `--positions`.
 */
export const ptychodusProductNpzReader: ScanReader = {
  name: 'ptychodus-product-npz',
  format: 'ptychodus product, NPZ',
  container: 'npz',
  detect: (c) => Boolean(c.entry('probe_position_x_m') && c.entry('probe') && c.entry('object')),
  open(c) {
    const p = ptychodusProductScan(c, 'npz');
    return {
      file: c.file, reader: this.name, format: this.format, arrays: p.arrays, mapping: p.mapping, notes: p.notes, warnings: p.warnings,
      problems: [`${c.file}: a ptychodus product holds positions, probe and object but no diffraction patterns; give the diffraction file as the scan and this product with --positions ${c.file}`],
      contents: c.list(), extras: p.extras, close: () => c.close(),
    };
  },
};
