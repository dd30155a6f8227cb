import { formatInputError, type InputErrorDetails } from './errors.js';
import { describeArray } from './describe-array.js';
import { toComplexArray } from './to-complex-array.js';
import { toFloat32Array } from './to-float32-array.js';
import { toFloat64Array } from './to-float64-array.js';
import { toStrings } from './to-strings.js';
import { SUPPORTED_N, type ComplexArray, type NdArray, type RawData } from './types.js';

/** Result of {@link checkRawData}: the validated data when there are no problems, and every problem. */
export interface RawDataCheck {
  readonly raw?: RawData;
  /** One line per problem, each naming the file, key, expected and actual shape/dtype. */
  readonly problems: string[];
  /** Notes that are not errors (e.g. "diffraction stored as (N, N, M), transposed"). */
  readonly notes: string[];
}

const REAL = new Set(['f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']);
const INT = new Set(['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']);
const NUMERIC = new Set([...REAL, 'c8', 'c16']);

/**
 * Validate arrays against the raw NPZ contract (SPEC §3) and collect every problem instead of
 * stopping at the first (the CLI's `inspect` lists them all). `source` names the file in messages.
 *
 * Required: `xcoords (M,)`, `ycoords (M,)` real; `diff3d (M, N, N)` real amplitude (alias
 * `diffraction`; `(N, N, M)` accepted and transposed when unambiguous: first two dims equal, the
 * last different and equal to M); `probeGuess (N, N)` complex (or real). Optional:
 * `objectGuess (H, W)`, `xcoords_start`/`ycoords_start (M,)` (default xcoords/ycoords),
 * `scan_index (M,)` integer (default zeros), `_metadata` (JSON object in a string array).
 * Problems: missing keys, wrong ranks or dtypes, M mismatch, N ∉ {64, 128, 256}, probe not N×N,
 * NaN/Inf anywhere (count and first index), negative amplitudes (count and first index).
 */
export function checkRawData(arrays: Readonly<Record<string, NdArray>>, source: string): RawDataCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const problem = (key: string | undefined, message: string, expected?: string, actual?: string): void => {
    const d: InputErrorDetails = { file: source, key, expected, actual };
    problems.push(formatInputError(message, d));
  };
  const get = (key: string): NdArray | undefined => (Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined);

  // --- coordinates: fix M ------------------------------------------------------------------
  let M: number | undefined;
  const vector = (key: string, required: boolean): Float64Array | undefined => {
    const a = get(key);
    if (a === undefined) {
      if (required) problem(key, 'missing required key', `${key} (M,) float`, 'absent');
      return undefined;
    }
    if (!REAL.has(a.dtype)) { problem(key, 'wrong dtype', '(M,) float', describeArray(a)); return undefined; }
    if (a.shape.length !== 1) { problem(key, 'wrong rank', '(M,) float', describeArray(a)); return undefined; }
    if (M === undefined) M = a.shape[0];
    else if (a.shape[0] !== M) { problem(key, 'M mismatch between keys', `(${M},) like xcoords`, describeArray(a)); return undefined; }
    const v = toFloat64Array(a);
    nonFinite(key, v, a.shape, 1);
    return v;
  };
  const nonFinite = (key: string, d: ArrayLike<number>, shape: readonly number[], lanes: number): void => {
    let count = 0, first = -1;
    for (let i = 0; i < d.length; i++) {
      if (!Number.isFinite(d[i]!)) { if (count === 0) first = i; count++; }
    }
    if (count > 0) {
      problem(key, `${count} NaN/Inf value${count > 1 ? 's' : ''}, first at index ${indexText(Math.floor(first / lanes), shape)}${lanes === 2 ? (first % 2 ? ' (imaginary part)' : ' (real part)') : ''}`, 'finite values', `${count} non-finite`);
    }
  };
  const xcoords = vector('xcoords', true);
  const ycoords = vector('ycoords', true);

  // --- diffraction ---------------------------------------------------------------------------
  const dKey = get('diff3d') !== undefined ? 'diff3d' : get('diffraction') !== undefined ? 'diffraction' : undefined;
  let diff3d: Float32Array | undefined;
  let N: number | undefined;
  if (dKey === undefined) problem('diff3d', 'missing required key (alias: diffraction)', 'diff3d (M, N, N) float amplitude', 'absent');
  else {
    const a = get(dKey)!;
    const s = a.shape;
    if (!REAL.has(a.dtype)) problem(dKey, 'wrong dtype', '(M, N, N) float amplitude', describeArray(a));
    else if (s.length !== 3) problem(dKey, 'wrong rank', '(M, N, N) float amplitude', describeArray(a));
    else {
      const [s0, s1, s2] = s as [number, number, number];
      const normal = s1 === s2 && (M === undefined || s0 === M);
      const transposed = !normal && s0 === s1 && s2 !== s0 && M !== undefined && s2 === M;
      if (!normal && !transposed) {
        if (s1 === s2) problem(dKey, 'M mismatch between keys', `(${M}, N, N) with M from xcoords`, describeArray(a));
        else problem(dKey, 'not square patterns', `(M, N, N)${M !== undefined ? ` with M = ${M}` : ''} (or (N, N, M))`, describeArray(a));
      } else {
        if (M === undefined) M = s0;
        N = transposed ? s0 : s1;
        const values = toFloat32Array(a);
        const d = transposed ? transposeNNM(values, N, M!) : values;
        if (transposed) notes.push(`${source}: '${dKey}' stored as (N, N, M) = ${describeArray(a)}; transposed to (M, N, N)`);
        if (!(SUPPORTED_N as readonly number[]).includes(N)) problem(dKey, 'unsupported pattern size N', `N in {${SUPPORTED_N.join(', ')}}`, `N = ${N} from ${describeArray(a)}`);
        const shape = [M!, N, N];
        nonFinite(dKey, d, shape, 1);
        let neg = 0, firstNeg = -1;
        for (let i = 0; i < d.length; i++) if (d[i]! < 0) { if (neg === 0) firstNeg = i; neg++; }
        if (neg > 0) problem(dKey, `${neg} negative amplitude${neg > 1 ? 's' : ''}, first at index ${indexText(firstNeg, shape)} (${d[firstNeg]})`, 'amplitudes ≥ 0 (sqrt of counts)', `${neg} negative`);
        diff3d = d;
      }
    }
  }

  // --- probe ---------------------------------------------------------------------------------
  const complex2d = (key: string, required: boolean, square: boolean): ComplexArray | undefined => {
    const a = get(key);
    const want = square ? `(N, N) complex${N !== undefined ? ` with N = ${N}` : ''}` : '(H, W) complex';
    if (a === undefined) { if (required) problem(key, 'missing required key', `${key} ${want}`, 'absent'); return undefined; }
    if (!NUMERIC.has(a.dtype)) { problem(key, 'wrong dtype', want, describeArray(a)); return undefined; }
    if (a.shape.length !== 2) { problem(key, 'wrong rank', want, describeArray(a)); return undefined; }
    if (square && (a.shape[0] !== a.shape[1] || (N !== undefined && a.shape[0] !== N))) { problem(key, 'probe is not N×N', want, describeArray(a)); return undefined; }
    const lanes = a.dtype === 'c8' || a.dtype === 'c16' ? 2 : 1;
    nonFinite(key, lanes === 2 ? (a.data as Float32Array | Float64Array) : toFloat64Array(a), a.shape, lanes);
    return toComplexArray(a);
  };
  const probeGuess = complex2d('probeGuess', true, true);
  const objectGuess = complex2d('objectGuess', false, false);

  // --- optional vectors ----------------------------------------------------------------------
  const xs = vector('xcoords_start', false);
  const ys = vector('ycoords_start', false);
  let scanIndex: Int32Array | undefined;
  const si = get('scan_index');
  if (si !== undefined) {
    if (!INT.has(si.dtype) || si.shape.length !== 1 || (M !== undefined && si.shape[0] !== M)) {
      problem('scan_index', si.shape.length !== 1 ? 'wrong rank' : INT.has(si.dtype) ? 'M mismatch between keys' : 'wrong dtype', `(${M ?? 'M'},) int`, describeArray(si));
    } else {
      const v = toFloat64Array(si);
      const bad = v.findIndex((x) => x < -(2 ** 31) || x >= 2 ** 31);
      if (bad >= 0) problem('scan_index', `value out of int32 range at index ${bad}`, 'int32 values', String(si.data[bad]));
      else scanIndex = Int32Array.from(v);
    }
  }

  // --- metadata ------------------------------------------------------------------------------
  let metadata: Record<string, unknown> | undefined;
  const md = get('_metadata');
  if (md !== undefined) {
    const want = "a JSON object in a 0-d or 1-element string array (np.array(json.dumps(d)))";
    if ((md.dtype !== 'U' && md.dtype !== 'S') || md.shape.reduce((p, d) => p * d, 1) !== 1 || md.shape.length > 1) {
      problem('_metadata', 'not a JSON string', want, describeArray(md));
    } else {
      const [text] = toStrings(md);
      try {
        const v = JSON.parse(text!) as unknown;
        if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SyntaxError('not an object');
        metadata = v as Record<string, unknown>;
      } catch (e) {
        problem('_metadata', `invalid JSON: ${(e as Error).message}`, want, JSON.stringify(text!.length > 60 ? text!.slice(0, 60) + '…' : text));
      }
    }
  }

  if (problems.length > 0 || !xcoords || !ycoords || !diff3d || !probeGuess || M === undefined || N === undefined) {
    return { problems, notes };
  }
  const raw: RawData = {
    source, M, N, xcoords, ycoords,
    xcoordsStart: xs ?? xcoords,
    ycoordsStart: ys ?? ycoords,
    diff3d, probeGuess,
    ...(objectGuess ? { objectGuess } : {}),
    scanIndex: scanIndex ?? new Int32Array(M),
    ...(metadata ? { metadata } : {}),
  };
  return { raw, problems, notes };
}

/** `(m, i, j)` text of flat C index `k` in `shape`. */
function indexText(k: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]!); k = Math.floor(k / shape[d]!); }
  return `(${idx.join(', ')})`;
}

/** (N, N, M) → (M, N, N). */
function transposeNNM(d: Float32Array, N: number, M: number): Float32Array {
  const out = new Float32Array(d.length);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    const src = (i * N + j) * M;
    for (let m = 0; m < M; m++) out[m * N * N + i * N + j] = d[src + m]!;
  }
  return out;
}
