import { cxiReader } from './cxi-reader.js';
import { npzScanReader } from './npz-scan-reader.js';
import { ptychodusDiffractionReader } from './ptychodus-diffraction-reader.js';
import { ptychodusProductH5Reader } from './ptychodus-product-h5-reader.js';
import { ptychodusProductNpzReader } from './ptychodus-product-npz-reader.js';
import { ptychopinnProductReader } from './ptychopinn-product-reader.js';
import type { ScanReader } from './scan-reader.js';

/**
 * The scan readers, in the order they are asked (the first whose `detect` accepts a file reads
 * it; more specific formats first). Adding a format is one file exporting a `ScanReader` and one
 * line here (docs/3-data-contracts.md, "Adding a reader").
 */
export const SCAN_READERS: readonly ScanReader[] = [
  cxiReader,
  ptychopinnProductReader,
  ptychodusProductH5Reader,
  ptychodusDiffractionReader,
  ptychodusProductNpzReader,
  npzScanReader,
];
