import { openScanSource } from '../scan/open-scan-source.js';
import type { ScanContainer } from '../scan/scan-container.js';
import type { ScanReaderOptions, ScanSource } from '../scan/scan-reader.js';
import { openContainerFile } from './open-container-file.js';

/** Options of {@link openScanFile}. */
export interface OpenScanFileOptions extends Omit<ScanReaderOptions, 'positions'> {
  /** A file with the positions and probe (`--positions`: a ptychodus product), for a diffraction-only file. */
  readonly positions?: string;
  readonly maxBytes?: number;
}

/**
 * Open a scan file of any format the registry reads (`SCAN_READERS`), recognised by content:
 * the SPEC §3 arrays with the frames left in the file. Close it when done.
 *
 * @throws InputError naming the file: unreadable, unknown format, or a required field missing
 */
export async function openScanFile(file: string, opts: OpenScanFileOptions = {}): Promise<ScanSource> {
  const c = await openContainerFile(file, { maxBytes: opts.maxBytes });
  let positions: ScanContainer | undefined;
  try {
    positions = opts.positions ? await openContainerFile(opts.positions, { maxBytes: opts.maxBytes }) : undefined;
  } catch (e) {
    c.close();
    throw e;
  }
  const { positions: _, maxBytes: __, ...rest } = opts;
  return openScanSource(c, { ...rest, ...(positions ? { positions } : {}) });
}
