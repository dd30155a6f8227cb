import { readNpzFile } from '@ptychojs/io/node';
import { checkScan, type ScanCheckSettings } from '../check-scan.js';
import { usableScan, type UsableScan } from '../usable-scan.js';

/**
 * Read a scan file and check it for a command ({@link checkScan}, the one check `inspect` shows):
 * the scan with its warnings, or one InputError listing every problem. Call before creating any
 * output.
 *
 * @throws InputError naming the file: unreadable, not the SPEC §3 contract, or unusable for the command
 */
export function loadScan(file: string, settings: ScanCheckSettings): UsableScan {
  return usableScan(checkScan(readNpzFile(file), file, settings));
}
