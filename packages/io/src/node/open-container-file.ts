import fs from 'node:fs';
import { InputError } from '../errors.js';
import { containerKind } from '../scan/container-kind.js';
import { openHdf5Container } from '../scan/open-hdf5-container.js';
import { openNpzContainer } from '../scan/open-npz-container.js';
import type { ScanContainer } from '../scan/scan-container.js';
import { fileByteSource } from './file-byte-source.js';
import { fsInputError } from './fs-input-error.js';
import { h5wasmNode } from './h5wasm-node.js';

/**
 * Open a file as a {@link ScanContainer} by its content: an NPZ (zip) archive — its directory and
 * array headers read, members by range on demand — or an HDF5 file (h5wasm, metadata only).
 *
 * @throws InputError naming the file: missing, a directory, or neither NPZ nor HDF5
 */
export async function openContainerFile(file: string, opts: { readonly maxBytes?: number } = {}): Promise<ScanContainer> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw fsInputError(e, file);
  }
  let keep = false;
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is a directory, expected a file', { file });
    const at = (o: number): Uint8Array | undefined => {
      if (o + 8 > st.size) return o === 0 && st.size > 0 ? read(fd, 0, st.size) : undefined;
      return read(fd, o, 8);
    };
    const kind = containerKind(at);
    if (kind === 'npz') {
      const c = openNpzContainer(fileByteSource(fd, st.size), { file, maxBytes: opts.maxBytes, onClose: () => fs.closeSync(fd) });
      keep = true;
      return c;
    }
    if (kind === 'hdf5') {
      fs.closeSync(fd);
      keep = true;
      return openHdf5Container(await h5wasmNode(), file, file);
    }
    const head = at(0);
    throw new InputError(kind === 'npy' ? 'an NPY file (one array), not a scan' : 'not a scan file: neither an NPZ (zip) archive nor HDF5', {
      file, expected: "NPZ (starts 'PK\\x03\\x04') or HDF5 (starts '\\x89HDF')", actual: head ? `${st.size} bytes starting ${Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}` : 'an empty file',
    });
  } catch (e) {
    throw e instanceof InputError ? e : fsInputError(e, file);
  } finally {
    if (!keep) fs.closeSync(fd);
  }
}

function read(fd: number, offset: number, length: number): Uint8Array {
  const b = Buffer.alloc(length);
  fs.readSync(fd, b, 0, length, offset);
  return b;
}
