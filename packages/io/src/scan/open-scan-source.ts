import { InputError } from '../errors.js';
import type { ScanContainer } from './scan-container.js';
import type { ScanReader, ScanReaderOptions, ScanSource } from './scan-reader.js';
import { SCAN_READERS } from './scan-readers.js';

/**
 * Map an opened container to the SPEC §3 contract with the first reader of `readers` (default
 * {@link SCAN_READERS}) that recognises it by its structure — never by the file name.
 *
 * @throws InputError naming the file, what it holds and the formats known, when no reader accepts it
 */
export function openScanSource(c: ScanContainer, opts: ScanReaderOptions = {}, readers: readonly ScanReader[] = SCAN_READERS): ScanSource {
  const reader = readers.find((r) => r.container === c.kind && r.detect(c));
  if (!reader) {
    const list = c.list();
    const held = list.slice(0, 8).map((e) => `${e.path} (${e.shape.join(', ')}) ${e.dtype}`).join(', ');
    throw new InputError(`${c.kind === 'hdf5' ? 'an HDF5' : 'an NPZ'} file in no scan format ptychojs reads`, {
      file: c.file,
      expected: readers.filter((r) => r.container === c.kind).map((r) => r.format).join('; '),
      actual: list.length === 0 ? 'no arrays' : `${held}${list.length > 8 ? `, … (${list.length} arrays)` : ''}`,
    });
  }
  try {
    return reader.open(c, opts);
  } catch (e) {
    c.close();
    opts.positions?.close();
    throw e;
  }
}
