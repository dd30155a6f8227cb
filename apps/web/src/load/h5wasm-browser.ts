import { PLUGIN_HDF5_FILTERS, type H5WasmWithFs } from '@ptychojs/io';
import blosc from 'h5wasm-plugins/plugins/libH5Zblosc.so?url';
import bshuf from 'h5wasm-plugins/plugins/libH5Zbshuf.so?url';
import bz2 from 'h5wasm-plugins/plugins/libH5Zbz2.so?url';
import lz4 from 'h5wasm-plugins/plugins/libH5Zlz4.so?url';
import lzf from 'h5wasm-plugins/plugins/libH5Zlzf.so?url';
import zstd from 'h5wasm-plugins/plugins/libH5Zzstd.so?url';

/**
 * The compression plugins the viewer ships (h5wasm-plugins): LZF (ptychodus's default), and
 * bitshuffle, LZ4, Zstandard, Blosc and bzip2, which detector and beamline software write. Assets
 * of the bundle, fetched only when an HDF5 file is opened.
 */
const PLUGINS: Readonly<Record<string, string>> = { lzf, bshuf, lz4, zstd, blosc, bz2 };

let loading: Promise<H5WasmWithFs> | undefined;

/**
 * h5wasm in the browser (its ESM build, loaded on the first HDF5 file), ready, with the shipped
 * plugins written to its plugin path; files are opened from its in-memory file system
 * (`openContainerBytes`).
 */
export function h5wasmBrowser(): Promise<H5WasmWithFs> {
  loading ??= (async () => {
    const h5 = await import('h5wasm');
    const Module = await h5.ready;
    const dir = Module.get_plugin_search_paths()[0]!;
    Module.FS.mkdirTree(dir);
    const plugins = new Set<number>();
    await Promise.all(Object.entries(PLUGINS).map(async ([name, url]) => {
      const r = await fetch(url);
      if (!r.ok) return; // that filter is then refused by name, never read wrong
      Module.FS.writeFile(`${dir}/libH5Z${name}.so`, new Uint8Array(await r.arrayBuffer()));
      for (const [id, n] of PLUGIN_HDF5_FILTERS) if (n === name) plugins.add(id);
    }));
    Module.activate_throwing_error_handler();
    return { File: h5.File, Module, FS: Module.FS, plugins };
  })();
  return loading;
}
