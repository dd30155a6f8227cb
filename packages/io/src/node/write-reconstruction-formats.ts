import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { encodePtychodusNpz } from '../product/encode-ptychodus-npz.js';
import type { ReconstructionProduct } from '../product/reconstruction-product.js';
import { writeCxi, type CxiProcess } from '../product/write-cxi.js';
import { writePtychodusH5 } from '../product/write-ptychodus-h5.js';
import { h5wasmNode } from './h5wasm-node.js';
import { tempPathFor } from './temp-name.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The formats `--format` writes a reconstruction in, and their file names. */
export const RECONSTRUCTION_FORMATS = { 'ptychodus-h5': 'product.h5', 'ptychodus-npz': 'product.npz', cxi: 'reconstruction.cxi' } as const;
export type ReconstructionFormat = keyof typeof RECONSTRUCTION_FORMATS;

/**
 * Write a reconstruction (as a ptychodus product) into `dir` in each of `formats`:
 * `product.h5` (ptychodus HDF5), `product.npz` (ptychodus NPZ), `reconstruction.cxi`. Each file is
 * written to a temporary name and renamed, so none is ever partial.
 *
 * @returns the paths written
 */
export async function writeReconstructionFormats(
  dir: string, formats: readonly ReconstructionFormat[], product: ReconstructionProduct, process: CxiProcess, opts: { sign?: 1 | -1; swapXY?: boolean } = {},
): Promise<string[]> {
  const files: string[] = [];
  for (const format of formats) {
    const file = path.join(dir, RECONSTRUCTION_FORMATS[format]);
    if (format === 'ptychodus-npz') {
      writeFileAtomic(file, encodePtychodusNpz(product));
    } else {
      const h5 = await h5wasmNode();
      const tmp = tempPathFor(file);
      try {
        if (format === 'ptychodus-h5') writePtychodusH5(h5, tmp, product);
        else writeCxi(h5, tmp, product, process, opts);
        fs.renameSync(tmp, file);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e instanceof InputError ? e : new InputError(`cannot write ${format}: ${(e as Error).message}`, { file });
      }
    }
    files.push(file);
  }
  return files;
}
