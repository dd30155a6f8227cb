import fs from 'node:fs';
import { InputError } from '../errors.js';
import { parseNpzSource } from '../internal/parse-npz-source.js';
import { ZipFormatError, type ByteSource } from '../internal/zip-read.js';
import type { ParseNpzOptions } from '../parse-npz.js';
import type { NdArray } from '../types.js';
import { fsInputError } from './fs-input-error.js';

/**
 * Read an NPZ file from disk (SPEC §2–§3): `parseNpz` semantics and errors, with `file` set to the
 * path. Only the directory and the wanted members are read (`keys`), each member by positional
 * reads straight into its own buffer, so numpy's 64-byte-aligned payloads become typed-array
 * views without a second copy: reading a large stored NPZ costs about one plain file read.
 *
 * @throws InputError naming the path for missing or unreadable files and bad archives.
 */
export function readNpzFile(path: string, opts: Omit<ParseNpzOptions, 'file' | 'copy'> = {}): Record<string, NdArray> {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    throw fsInputError(e, path);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is a directory, expected a file', { file: path });
    return parseNpzSource(fileSource(fd, st.size), { ...opts, file: path });
  } catch (e) {
    throw e instanceof InputError ? e : fsInputError(e, path);
  } finally {
    fs.closeSync(fd);
  }
}

function fileSource(fd: number, size: number): ByteSource {
  return {
    length: size,
    read(offset, length) {
      if (offset < 0 || offset + length > size) throw new ZipFormatError(`needs bytes ${offset}..${offset + length} but the file has ${size} (truncated?)`);
      // Uninitialized (every byte is overwritten below), unpooled: offset 0, so npy payloads stay aligned.
      let out: Buffer;
      try {
        out = Buffer.allocUnsafeSlow(length);
      } catch (e) {
        // Sizes were checked against the cap; the runtime can still refuse (one buffer ≤ 2^32 bytes in Node 20).
        if (e instanceof RangeError) throw new ZipFormatError(`cannot hold ${length} bytes in one buffer here (${e.message})`);
        throw e;
      }
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, out, done, Math.min(1 << 30, length - done), offset + done);
        if (n === 0) throw new ZipFormatError(`file ended at byte ${offset + done} while reading ${length} bytes at ${offset} (changed while reading?)`);
        done += n;
      }
      return out;
    },
  };
}
