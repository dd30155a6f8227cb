import type { ScanCheckSettings } from '../check-scan.js';
import { usableScan, type UsableScan } from '../usable-scan.js';
import { checkScanFile, type CheckScanFileOptions } from './check-scan-file.js';

/**
 * Read a scan file and check it for a command ({@link checkScanFile}: the one check `inspect`
 * shows): the scan with its warnings, or one InputError listing every problem. Call before
 * creating any output.
 *
 * @throws InputError naming the file: unreadable, not the SPEC §3 contract, or unusable for the command
 */
export async function loadScan(file: string, settings: ScanCheckSettings, opts: CheckScanFileOptions = {}): Promise<UsableScan> {
  return usableScan((await checkScanFile(file, settings, opts)).check);
}
