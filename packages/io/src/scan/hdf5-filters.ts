/**
 * HDF5 filters (the registered ids of The HDF Group's filter list) that h5wasm applies itself,
 * and those of the h5wasm-plugins package, by plugin file name. A dataset whose filter is not
 * available is refused by name: without its plugin HDF5 returns wrong numbers without an error
 * (measured with h5wasm 0.10.3 and an LZF dataset), so nothing is read before this check.
 */
export const BUILTIN_HDF5_FILTERS: ReadonlyMap<number, string> = new Map([
  [1, 'deflate'], [2, 'shuffle'], [3, 'fletcher32'], [4, 'szip'], [5, 'nbit'], [6, 'scaleoffset'],
]);

/** Filter id → h5wasm-plugins plugin name (`libH5Z<name>.so`). */
export const PLUGIN_HDF5_FILTERS: ReadonlyMap<number, string> = new Map([
  [307, 'bz2'], [32000, 'lzf'], [32001, 'blosc'], [32004, 'lz4'], [32008, 'bshuf'], [32013, 'zfp'],
  [32015, 'zstd'], [32019, 'jpeg'], [32022, 'bitgroom'], [32023, 'bitround'], [32026, 'blosc2'],
]);
