import { InputError } from '../errors.js';
import { memorySource } from '../internal/zip-read.js';
import { containerKind } from './container-kind.js';
import { openHdf5Container, type H5Wasm } from './open-hdf5-container.js';
import { openNpzContainer } from './open-npz-container.js';
import type { ScanContainer } from './scan-container.js';

/** h5wasm with its in-memory file system, where file bytes are written before HDF5 opens them (the browser). */
export interface H5WasmWithFs extends H5Wasm {
  readonly FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void };
}

let count = 0;

/**
 * A file's bytes (a dropped `File`, a fetched one) as a {@link ScanContainer}, by content: NPZ
 * over the bytes, or HDF5 through `h5` (the bytes are written to h5wasm's in-memory file system
 * and removed when the container closes). Browser-safe.
 *
 * @throws InputError naming the file when it is neither, or HDF5 without `h5`
 */
export function openContainerBytes(bytes: Uint8Array, file: string, h5?: H5WasmWithFs): ScanContainer {
  const kind = containerKind((o) => (o + 8 <= bytes.length ? bytes.subarray(o, o + 8) : o === 0 ? bytes : undefined));
  if (kind === 'npz') return openNpzContainer(memorySource(bytes), { file });
  if (kind === 'hdf5') {
    if (!h5) throw new InputError('an HDF5 file, and no HDF5 reader was loaded here', { file });
    const path = `/ptychojs-${++count}.h5`;
    h5.FS.writeFile(path, bytes);
    const c = openHdf5Container(h5, path, file);
    return { ...c, close: () => { c.close(); try { h5.FS.unlink(path); } catch { /* already gone */ } } };
  }
  throw new InputError(kind === 'npy' ? 'an NPY file (one array), not a scan' : 'not a scan file: neither an NPZ (zip) archive nor HDF5', {
    file, expected: "NPZ (starts 'PK\\x03\\x04') or HDF5 (starts '\\x89HDF')",
    actual: `${bytes.length} bytes starting ${Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}`,
  });
}
