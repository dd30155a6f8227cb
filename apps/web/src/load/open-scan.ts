import { containerKind, openContainerBytes, openScanSource, type ScanContainer, type ScanSource } from '@ptychojs/io';
import { h5wasmBrowser } from './h5wasm-browser.js';

/** A file's bytes with its path (a dropped or served file, or one posted to the worker). */
export interface NamedBytes { readonly path: string; readonly bytes: Uint8Array }

/** The container of a file by content, loading h5wasm when it is HDF5. */
async function container(f: NamedBytes): Promise<ScanContainer> {
  const b = f.bytes;
  const kind = containerKind((o) => (o + 8 <= b.length ? b.subarray(o, o + 8) : o === 0 ? b : undefined));
  return openContainerBytes(b, f.path, kind === 'hdf5' ? await h5wasmBrowser() : undefined);
}

/**
 * A scan file read through the registry of scan readers (the CLI's, by content): our NPZ, a
 * ptychodus product or diffraction file, CXI. A ptychodus diffraction file takes its positions and
 * probe from `positions` (a product dropped with it), as `--positions` does on the command line.
 */
export async function openScan(f: NamedBytes, positions?: NamedBytes): Promise<ScanSource> {
  const c = await container(f);
  const p = positions ? await container(positions).catch((e: unknown) => { c.close(); throw e; }) : undefined;
  return openScanSource(c, p ? { positions: p } : {});
}

/** Whether a file is a ptychodus product (positions, probe, object): the `positions` of a diffraction file dropped with it. */
export async function isProduct(f: NamedBytes): Promise<boolean> {
  let c: ScanContainer | undefined;
  try {
    c = await container(f);
    return Boolean(c.entry('probe_position_x_m') ?? c.entry('/probe_position_x_m'));
  } catch {
    return false;
  } finally {
    c?.close();
  }
}
