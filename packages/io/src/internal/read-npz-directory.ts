import { InputError } from '../errors.js';
import { ZipFormatError, readZipDirectory, type ByteSource, type ZipEntry } from './zip-read.js';

/**
 * The members of an NPZ (a zip archive of `.npy` files) listed by its central directory.
 *
 * @throws InputError naming `file` when the bytes are not a readable zip archive (truncated, no
 *   end record, malformed headers)
 */
export function readNpzDirectory(src: ByteSource, file: string | undefined): ZipEntry[] {
  try {
    return readZipDirectory(src);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new InputError(`not a readable NPZ archive: ${e.message}`, { file });
    throw e;
  }
}
