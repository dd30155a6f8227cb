import fs from 'node:fs';
import { InputError } from '../errors.js';
import { parseNpzSource } from '../internal/parse-npz-source.js';
import type { ParseNpzOptions } from '../parse-npz.js';
import type { NdArray } from '../types.js';
import { fileByteSource } from './file-byte-source.js';
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
    return parseNpzSource(fileByteSource(fd, st.size), { ...opts, file: path });
  } catch (e) {
    throw e instanceof InputError ? e : fsInputError(e, path);
  } finally {
    fs.closeSync(fd);
  }
}
