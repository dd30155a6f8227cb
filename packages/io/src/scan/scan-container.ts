import type { FrameSource, NdArray } from '../types.js';

/** One array of a container, described without reading it. */
export interface ContainerEntry {
  /** NPZ member key (`diff3d`) or HDF5 dataset path (`/entry_1/data_1/data`). */
  readonly path: string;
  readonly shape: readonly number[];
  /** numpy's name of the stored dtype (`float32`, `uint16`, `complex64`, `bool`, `str`). */
  readonly dtype: string;
}

/**
 * A scan file opened by its container format (NPZ or HDF5), before any reader maps it: what the
 * scan readers of the registry look at (`detect`) and read from (`open`). Arrays are listed from
 * headers only; `read` reads one whole (small arrays: positions, probe, object, mask); `frames`
 * gives a lazy, ranged {@link FrameSource} (the diffraction).
 */
export interface ScanContainer {
  readonly kind: 'npz' | 'hdf5';
  /** File path or label, for messages. */
  readonly file: string;
  /** Every array (NPZ members; HDF5 datasets, recursively), from headers only. */
  list(): readonly ContainerEntry[];
  /** The entry at `path`, or undefined. */
  entry(path: string): ContainerEntry | undefined;
  /**
   * Read a whole array: numeric arrays as NdArray (HDF5 compound `{r, i}` as complex, h5py's
   * boolean enum as `b1`), strings as a `U` array.
   * @throws InputError naming file and path when absent, unreadable or of an unsupported type
   */
  read(path: string): NdArray;
  /** The frames of a real array of rank ≥ 1, read lazily by range. */
  frames(path: string): FrameSource;
  /** HDF5 attribute names of a dataset or group (`/` for the file); NPZ has none. */
  attrNames(path: string): readonly string[];
  /** An HDF5 attribute (numbers, strings), or undefined when absent. */
  attr(path: string, name: string): NdArray | undefined;
  /** HDF5 groups (`/raw_data`); NPZ has none. */
  isGroup(path: string): boolean;
  /** Release the file (descriptors, the HDF5 handle). Idempotent. */
  close(): void;
}
