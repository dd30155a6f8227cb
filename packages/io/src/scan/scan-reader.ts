import type { FrameSource, NdArray } from '../types.js';
import type { ContainerEntry, ScanContainer } from './scan-container.js';

/** How one SPEC §3 field of a scan was obtained from a file, for `inspect`. */
export interface FieldMapping {
  /** The SPEC §3 key (`xcoords`, `diff3d`, `probeGuess`, `bad_pixels`…). */
  readonly field: string;
  /** Where it came from (`/probe_position_x_m`, `/entry_1/data_1/translation[:, 0]`, `diff3d`). */
  readonly from: string;
  /** The conversion, when there is one (`(x_m − center_x_m)/pixel_width_m + W/2`). */
  readonly how?: string;
}

/** Something a reader found implausible in a file (geometry that disagrees), with its fix. */
export interface ReaderWarning {
  readonly key: string;
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  readonly fix: string;
}

/**
 * A scan file mapped to the SPEC §3 contract by a reader of the registry, its frames still in the
 * file: what `checkRawData` takes. Small arrays (positions in object pixels, the probe, the mask,
 * `_metadata` with the physical geometry) are in memory; the diffraction is a lazy
 * {@link FrameSource}.
 */
export interface ScanSource {
  /** The file (path or label). */
  readonly file: string;
  /** Name of the reader in the registry (`npz`, `ptychodus-product-h5`, `cxi`…). */
  readonly reader: string;
  /** What the format is, in words. */
  readonly format: string;
  /** SPEC §3 arrays: `xcoords`, `ycoords`, `diff3d`, `probeGuess`, `bad_pixels`, `_metadata`… */
  readonly arrays: Readonly<Record<string, NdArray | FrameSource>>;
  /** How each field was obtained (identity for a raw NPZ). */
  readonly mapping: readonly FieldMapping[];
  /** What the reader chose or dropped (the first of several probe modes, object layers…). */
  readonly notes: readonly string[];
  readonly warnings: readonly ReaderWarning[];
  /** Reasons no command can use the file as read (a product without diffraction), each one line. */
  readonly problems: readonly string[];
  /** Every array of the file (and of `--positions`), from headers only. */
  readonly contents: readonly ContainerEntry[];
  /**
   * Arrays of the file the contract has no place for that a writer keeps (a ptychodus probe's
   * other modes and its OPR weights), by the name a ptychodus product gives them.
   */
  readonly extras?: Readonly<Record<string, NdArray>>;
  /** Release the files. Idempotent. */
  close(): void;
}

/** What a reader may use besides the file itself. */
export interface ScanReaderOptions {
  /** A second file with the positions (`--positions`: a ptychodus product, a CXI file). */
  readonly positions?: ScanContainer;
  /**
   * Sign of CXI translations as probe positions: +1 (ptychodus's reading, the default) or −1
   * (CDTools's: the translation moves the sample, so the probe moves the other way).
   */
  readonly positionsSign?: 1 | -1;
  /** Swap x and y of CXI translations. */
  readonly positionsSwapXY?: boolean;
}

/**
 * An adapter from a container (NPZ, HDF5) to the SPEC §3 contract: one file per format and one
 * line in `SCAN_READERS` (docs/3-data-contracts.md, "Adding a reader").
 */
export interface ScanReader {
  /** Registry name, shown by `inspect` (`ptychodus-product-h5`). */
  readonly name: string;
  /** What the format is, in words. */
  readonly format: string;
  readonly container: ScanContainer['kind'];
  /** Whether the file is in this format, from its structure only (names, shapes, attributes; no data read). */
  detect(c: ScanContainer): boolean;
  /**
   * Map the file to the contract. Frames stay lazy. Problems that the contract check would word
   * less clearly go to `problems`.
   * @throws InputError naming the file and key when a required field cannot be read
   */
  open(c: ScanContainer, opts: ScanReaderOptions): ScanSource;
}
