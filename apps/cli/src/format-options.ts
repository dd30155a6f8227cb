/**
 * `--format` and `--pixel-size` (issue 18): write a reconstruction also as a ptychodus product
 * (HDF5, NPZ) or CXI, for ptychodus and other tools to open where the scan was.
 */
import type { Command } from 'commander';
import { InputError, productPixelSize } from '@ptychojs/io';
import { RECONSTRUCTION_FORMATS, type ReconstructionFormat } from '@ptychojs/io/node';
import type { UsableScan } from '@ptychojs/pipeline';

export interface FormatFlags { format?: string; pixelSize?: string }

/** Add `--format` and `--pixel-size`. */
export function addFormatOptions(cmd: Command): Command {
  return cmd
    .option('--format <list>', `also write the reconstruction as ${Object.entries(RECONSTRUCTION_FORMATS).map(([f, file]) => `${f} (${file})`).join(', ')}; comma-separated`)
    .option('--pixel-size <metres>', "object pixel size in metres for --format when the scan does not carry one (ptychodus and CXI files do; our NPZ may in _metadata.pixel_size_m)");
}

/**
 * The formats and pixel size asked for, checked against the scan before anything is written.
 * @throws InputError for an unknown format, a bad pixel size, or a format that needs a pixel size the scan lacks
 */
export function resolveFormats(flags: FormatFlags, scan: UsableScan): { formats: ReconstructionFormat[]; pixelSizeM?: number } {
  const formats = (flags.format ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!(f in RECONSTRUCTION_FORMATS)) throw new InputError('unknown output format', { key: '--format', expected: Object.keys(RECONSTRUCTION_FORMATS).join(', '), actual: f });
  }
  let pixelSizeM: number | undefined;
  if (flags.pixelSize !== undefined) {
    pixelSizeM = Number(flags.pixelSize);
    if (!(pixelSizeM > 0 && Number.isFinite(pixelSizeM))) throw new InputError('pixel size must be a positive number of metres', { key: '--pixel-size', expected: 'e.g. 5e-8', actual: flags.pixelSize });
  }
  if (formats.length > 0) productPixelSize(scan.raw, pixelSizeM);
  return { formats: [...new Set(formats)] as ReconstructionFormat[], ...(pixelSizeM !== undefined ? { pixelSizeM } : {}) };
}
