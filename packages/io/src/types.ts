/**
 * Shared data contracts of ptychojs (SPEC §3). Every stage package codes against these types.
 */

/** NumPy numeric dtype codes without byte order. */
export type NumericDType = 'f4' | 'f8' | 'c8' | 'c16' | 'i1' | 'i2' | 'i4' | 'i8' | 'u1' | 'u2' | 'u4' | 'u8' | 'b1';

/**
 * NumPy string dtype codes: `'U'` (unicode, stored as UTF-32 code points in a `Uint32Array`) and
 * `'S'` (bytes, `Uint8Array`). Each element holds a fixed number of code units
 * (`data.length / size`), NUL-padded. Read them with `toStrings`, make them with `stringArray`.
 * Numeric helpers refuse them. Used for `_metadata` (SPEC §3).
 */
export type StringDType = 'U' | 'S';

/** NumPy dtype codes without byte order, as stored in `NdArray.dtype`. */
export type DType = NumericDType | StringDType;

/** Typed-array storage of an `NdArray`. Complex dtypes are interleaved (re, im) pairs, length 2·size. */
export type NdData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array;

/**
 * A dense, C-ordered (row-major) n-dimensional array as read from or written to NPY.
 * `shape` is `[]` for a 0-d scalar. Complex data is interleaved: `data[2k]` real, `data[2k+1]` imaginary.
 */
export interface NdArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: NdData;
  /**
   * The numpy dtype string as stored in the file (`'<f2'`, `'>f8'`, `'|u1'`, `'<U12'`), set by
   * `parseNpy`/`parseNpz`; absent for arrays made in memory. It differs from `dtype` when reading
   * converted the data (`f2` → `f4`, big-endian swapped), so reports can name what the file holds.
   */
  readonly storedDescr?: string;
}

/**
 * A complex array held as separate real and imaginary float32 planes (C order), the form used by
 * every numeric stage (tfjs has no complex gradients; wasm has no complex kernels; SPEC §5).
 */
export interface ComplexArray {
  readonly shape: readonly number[];
  readonly re: Float32Array;
  readonly im: Float32Array;
}

/** Patch sizes the model supports (SPEC §3). */
export const SUPPORTED_N = [64, 128, 256] as const;

/**
 * A validated raw scan (SPEC §3 "Raw NPZ"). Coordinates are in pixels of the object frame: x is the
 * column, y the row.
 */
export interface RawData {
  /** Where it came from (file path or a label), used in error messages. */
  readonly source: string;
  /** Number of scan positions. */
  readonly M: number;
  /** Diffraction pattern side. */
  readonly N: number;
  /** @shape (M,) float64 */
  readonly xcoords: Float64Array;
  /** @shape (M,) float64 */
  readonly ycoords: Float64Array;
  /** @shape (M,) float64 — defaults to xcoords */
  readonly xcoordsStart: Float64Array;
  /** @shape (M,) float64 — defaults to ycoords */
  readonly ycoordsStart: Float64Array;
  /** @shape (M, N, N) float32 amplitude = sqrt(counts), C order */
  readonly diff3d: Float32Array;
  /** @shape (N, N) complex */
  readonly probeGuess: ComplexArray;
  /** @shape (H, W) complex — ground truth, evaluation only */
  readonly objectGuess?: ComplexArray;
  /** @shape (M,) int32 — defaults to zeros */
  readonly scanIndex: Int32Array;
  /** Parsed `_metadata` JSON, if present. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /**
   * The key the diffraction came from in the file (`'diffraction'` is an alias in a raw NPZ; a
   * dataset path such as `/entry_1/data_1/data` in HDF5 formats), for messages.
   */
  readonly diffractionKey?: string;
  /**
   * @shape (N, N) uint8 — bad-pixel mask, 1 where the detector did not measure (gaps, hot or dead
   * pixels): those pixels are excluded from the loss, from ePIE's modulus constraint and from the
   * statistics, and read as 0 in `diff3d`. Absent when every pixel is measured.
   */
  readonly badPixels?: Uint8Array;
  /** numpy dtype of each key as stored in the file (`float16`, `uint16`, …), for reports and messages. */
  readonly storedDtypes?: Readonly<Record<string, string>>;
}

/**
 * The arrays of a reconstruction NPZ (SPEC §3, output of `infer`): canvas pixel (r, c) is the
 * object point (x = c + x0, y = r + y0) in the input's coordinate frame.
 */
export interface ReconstructionArrays {
  /** @shape (H, W) complex64 — the stitched object */
  readonly object: NdArray;
  /** @shape (H, W) float32 — |object| */
  readonly amplitude: NdArray;
  /** @shape (H, W) float32 — arg(object) in (−π, π] */
  readonly phase: NdArray;
  /** @shape (2,) float64 — [x0, y0] */
  readonly canvasOrigin: NdArray;
}

/** A validated reconstruction (SPEC §3) as numeric stages use it. */
export interface Reconstruction {
  /** @shape (H, W) complex */
  readonly object: ComplexArray;
  /** [x0, y0]: canvas pixel (r, c) is the object point (c + x0, r + y0). */
  readonly canvasOrigin: readonly [number, number];
  /** @shape (H, W) float32 */
  readonly amplitude: Float32Array;
  /** @shape (H, W) float32 */
  readonly phase: Float32Array;
}

/**
 * Lazy, ranged access to a stack of frames stored in a file (the diffraction of a scan): what a
 * scan reader hands over instead of the whole array, so that nothing larger than a caller's
 * buffer is ever read. Shape and dtype are known without reading any frame; `readRows` reads the
 * frames `[start, end)` along axis 0, as stored (no square root, no mask), converted to float32.
 * It fits the `NdArray` shape so messages describe it the same way (`describeArray`).
 */
export interface FrameSource {
  /** dtype of the values once decoded (`f4` for a stored `<f2`, byte order resolved). */
  readonly dtype: NumericDType;
  /** Shape as stored: `(M, H, W)` (or `(H, W, M)`, which readers transpose only when small). */
  readonly shape: readonly number[];
  /** numpy's descr of the stored type (`'<u2'`, `'>f4'`), for messages (`numpyDtypeName`). */
  readonly storedDescr?: string;
  /** Where it is in its file (NPZ key, HDF5 dataset path), for messages. */
  readonly path?: string;
  /**
   * How ranges are read: `'memory'` (already in memory), `'ranged'` (positional reads by byte
   * offset or HDF5 hyperslab: any range costs only its bytes), `'sequential'` (a deflated NPZ
   * member: reading forwards streams, reading backwards restarts from the beginning).
   */
  readonly access: 'memory' | 'ranged' | 'sequential';
  /** Bytes of the whole array once decoded as stored (itemsize × size), for memory budgets. */
  readonly bytes: number;
  /**
   * Read the items `[start, end)` of axis 0 as float32, C order, into `out` (length ≥
   * (end − start)·H·W) or a new array.
   * @throws InputError naming the file and key when the bytes cannot be read or decoded
   */
  readRows(start: number, end: number, out?: Float32Array): Float32Array;
}

/**
 * The diffraction of a checked scan as the numeric stages use it: amplitudes sqrt(counts) (the
 * SPEC §3 reading), bad pixels set to 0, read by frame range.
 */
export interface FrameReader {
  readonly M: number;
  readonly N: number;
  /** How the underlying file is read (see {@link FrameSource.access}). */
  readonly access: FrameSource['access'];
  /** Bytes of all M frames as float32 amplitudes (M·N²·4): what holding them in memory costs. */
  readonly bytes: number;
  /**
   * Amplitudes of frames `[start, end)`, C order `(end − start, N, N)`, into `out` or a new array.
   * @throws InputError naming the file when the bytes cannot be read
   */
  read(start: number, end: number, out?: Float32Array): Float32Array;
}

/**
 * A checked scan whose frames stay in the file (SPEC §3 contract, lazily): everything of
 * {@link RawData} but the diffraction, which is read by range through `frames` — so a scan larger
 * than memory can be inspected and reconstructed. `diff3d` is present when the frames are already
 * in memory.
 */
export interface ScanData extends Omit<RawData, 'diff3d'> {
  readonly frames: FrameReader;
  /**
   * @shape (M,) float64 — Σ amplitude² over the measured pixels of each pattern (the counts per
   * pattern), from the check's one pass: what the normalization α needs (SPEC §3), without a
   * second read of the frames.
   */
  readonly patternEnergy: Float64Array;
  readonly diff3d?: Float32Array;
}

/** Options of `parseNpz`. */
export interface ParseNpzOptions {
  /**
   * Cap on the total bytes the archive may expand to (sum of all members read) and on any one
   * array's declared size; default 8 GiB. Inflation stops as soon as the output passes it.
   */
  readonly maxBytes?: number;
  /** File name, used in error messages only. */
  readonly file?: string;
  /** Read only these keys (others are not inflated); absent keys are simply not returned. */
  readonly keys?: readonly string[];
  /** Also check the CRC-32 of stored members (deflated members are always checked). Default false. */
  readonly verifyCrc?: boolean;
  /** Always copy payloads instead of returning views on `bytes` (see `ParseNpyOptions.copy`). */
  readonly copy?: boolean;
}
