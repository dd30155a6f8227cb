import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PLUGIN_HDF5_FILTERS } from '../scan/hdf5-filters.js';
import type { H5Wasm } from '../scan/open-hdf5-container.js';

let loading: Promise<H5Wasm> | undefined;

/**
 * h5wasm for Node (`h5wasm/node`, which reads real paths), ready, with the compression plugins of
 * h5wasm-plugins (LZF, bitshuffle, zstd, blosc…) on its plugin path and HDF5 errors thrown rather
 * than printed. Loaded once, on the first HDF5 file.
 */
export function h5wasmNode(): Promise<H5Wasm> {
  loading ??= (async () => {
    const h5 = (await import('h5wasm/node')).default;
    const Module = await h5.ready;
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('h5wasm-plugins/package.json')), 'plugins');
    const plugins = new Set<number>();
    for (const [id, name] of PLUGIN_HDF5_FILTERS) if (fs.existsSync(path.join(dir, `libH5Z${name}.so`))) plugins.add(id);
    if (plugins.size > 0) Module.insert_plugin_search_path(dir, 0);
    Module.activate_throwing_error_handler();
    return { File: h5.File, Module, plugins };
  })();
  return loading;
}
