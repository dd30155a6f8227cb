import type { ScanCheckSettings } from '../scan/check-scan.js';
import { usableScan, type UsableScan } from '../scan/usable-scan.js';
import { checkScanFile, type ScanFileOptions } from './check-scan-file.js';

/**
 * Read a scan file of any format of the registry and check it for a command ({@link checkScanFile},
 * the one check `inspect` shows): the scan with its warnings (frames read by range from the file),
 * or one InputError listing every problem. Call before creating any output.
 *
 * @throws InputError naming the file: unreadable, not the SPEC §3 contract, or unusable for the command
 */
export async function loadScan(file: string, settings: ScanCheckSettings & ScanFileOptions): Promise<UsableScan> {
  return usableScan(await checkScanFile(file, settings));
}
