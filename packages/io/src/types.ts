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
  /** The key the diffraction came from in the file (`'diffraction'` is an alias), for messages. */
  readonly diffractionKey?: 'diff3d' | 'diffraction';
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
