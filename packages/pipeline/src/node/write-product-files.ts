import { reconstructionProduct, type Reconstruction } from '@ptychojs/io';
import { writeReconstructionFormats, type ReconstructionFormat } from '@ptychojs/io/node';
import type { UsableScan } from '../scan/usable-scan.js';
import { PIPELINE_VERSION } from '../version.js';

/** What {@link writeProductFiles} writes and how the reconstruction was made. */
export interface ProductFilesOptions {
  /** `--format`: ptychodus-h5, ptychodus-npz, cxi. */
  readonly formats: readonly ReconstructionFormat[];
  /** `--pixel-size` (metres) for a scan whose metadata has none. */
  readonly pixelSizeM?: number;
  /** Loss per epoch (a network) or cost per iteration (ePIE), written as the product's losses. */
  readonly losses?: readonly number[];
  /** The method in words (`PtychoPINN-style network`, `ePIE`), for `comments` and CXI's process. */
  readonly method: string;
  /** Settings, as CXI's `process_1/parameters` (JSON). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/**
 * A reconstruction of a checked scan in the formats the field shares (`--format`): a ptychodus
 * product (`product.h5`, `product.npz`) and CXI (`reconstruction.cxi`), placed where the scan was
 * (`reconstructionProduct`), with the scan's probe (every mode a ptychodus product gave) and the
 * loss history. Written atomically into an existing `outDir`.
 *
 * @returns the paths written
 * @throws InputError when no object pixel size is known (the scan's, or `pixelSizeM`)
 */
export async function writeProductFiles(outDir: string, rec: Reconstruction, scan: UsableScan, opts: ProductFilesOptions): Promise<string[]> {
  if (opts.formats.length === 0) return [];
  const product = reconstructionProduct(rec, scan.raw, {
    comments: `ptychojs ${PIPELINE_VERSION}: ${opts.method} reconstruction of ${scan.raw.source}`,
    ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}),
    ...(scan.extras?.probe ? { probe: scan.extras.probe } : {}),
    ...(opts.losses ? { losses: opts.losses } : {}),
  });
  const meta = scan.raw.metadata ?? {};
  return writeReconstructionFormats(outDir, opts.formats, product, {
    program: 'ptychojs', version: PIPELINE_VERSION, date: new Date().toISOString(),
    command: process.argv.slice(2).join(' '), parameters: JSON.stringify({ method: opts.method, ...opts.parameters }),
  }, { sign: meta.positions_sign === -1 ? -1 : 1, swapXY: meta.positions_swap_xy === true });
}
