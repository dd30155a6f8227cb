import { countsToAmplitude } from './counts-to-amplitude.js';
import type { DiffractionKind } from './default-diffraction-kind.js';
import { formatInputError, type InputErrorDetails } from './errors.js';
import { describeArray } from './describe-array.js';
import { describeFlaggedPixels } from './describe-flagged-pixels.js';
import { diffractionLayout } from './diffraction-layout.js';
import { MASKING_ADVICE } from './masking-advice.js';
import { numpyDtypeName } from './numpy-dtype-name.js';
import { squeezeArray } from './squeeze-array.js';
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

/** Options of {@link checkRawData}. */
export interface CheckRawDataOptions {
  /**
   * What the diffraction array holds: `'amplitude'` (SPEC §3, the default) or `'counts'`, whose
   * square root is taken ({@link countsToAmplitude}). See `defaultDiffractionKind` for the default
   * a `--diffraction` option would take from the stored dtype.
   */
  readonly diffraction?: DiffractionKind;
  /**
   * How the diffraction array is laid out: `'mnn'` (M, N, N), the SPEC §3 contract; `'nnm'`
   * (N, N, M), patterns on the last axis, transposed on reading; `'auto'` (default) decides from
   * the shape: square patterns on the last two axes are (M, N, N), else on the first two (N, N, M);
   * an (N, N, N) cube is read as (M, N, N) with a note (say `'nnm'` if it is not).
   */
  readonly layout?: DiffractionLayout;
}

/** How a diffraction array is laid out ({@link CheckRawDataOptions.layout}). */
export type DiffractionLayout = 'auto' | 'mnn' | 'nnm';

/** Keys of the raw NPZ contract (SPEC §3); anything else is listed in a note as not used. */
const KNOWN_KEYS = ['xcoords', 'ycoords', 'diff3d', 'diffraction', 'probeGuess', 'objectGuess', 'xcoords_start', 'ycoords_start', 'scan_index', '_metadata'];

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
 * Problems: missing keys, wrong ranks or dtypes, zero positions (M = 0), M mismatch,
 * N ∉ {64, 128, 256}, probe not N×N, NaN/Inf anywhere (count and first index), negative
 * amplitudes (count and first index), and `diff3d` and `diffraction` both present with different
 * contents (ambiguous: which one is meant?). Notes: identical aliases, dtypes converted on reading
 * (float16, big-endian), `(N, N, M)` transposed, `(M, N, N)` with M = N read as such, unused keys.
 * Physical plausibility and fitness for a command are `assessScan`'s (@ptychojs/grouping).
 */
export function checkRawData(arrays: Readonly<Record<string, NdArray>>, source: string, opts: CheckRawDataOptions = {}): RawDataCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const problem = (key: string | undefined, message: string, expected?: string, actual?: string): void => {
    const d: InputErrorDetails = { file: source, key, expected, actual };
    problems.push(formatInputError(message, d));
  };
  const get = (key: string): NdArray | undefined => (Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined);
  /** A present key that differs from `key` only in case (keys are case-sensitive). */
  const nearMiss = (key: string): string => {
    const k = Object.keys(arrays).find((x) => x !== key && x.toLowerCase() === key.toLowerCase());
    return k === undefined ? '' : ` (found '${k}': keys are case-sensitive)`;
  };

  // --- coordinates: fix M ------------------------------------------------------------------
  let M: number | undefined;
  /** The key M was read from (for messages). */
  let mFrom = 'xcoords';
  /** `a` with axes of length 1 dropped down to `rank` ({@link squeezeArray}; a note says so), or undefined when that cannot reach `rank`. */
  const squeezed = (key: string, a: NdArray, rank: number): NdArray | undefined => {
    const s = squeezeArray(a, rank);
    if (s === undefined || s.shape.length !== rank) return undefined;
    if (s.shape.length !== a.shape.length) notes.push(`${source}: '${key}' stored as ${describeArray(a)}: read as (${s.shape.join(', ')}${rank === 1 ? ',' : ''}) (axes of length 1 dropped)`);
    return s;
  };
  const vector = (key: string, required: boolean): Float64Array | undefined => {
    const stored = get(key);
    if (stored === undefined) {
      if (required) problem(key, `missing required key${nearMiss(key)}`, `${key} (M,) float`, 'absent');
      return undefined;
    }
    if (!REAL.has(stored.dtype)) { problem(key, 'wrong dtype', '(M,) float', describeArray(stored)); return undefined; }
    const a = squeezed(key, stored, 1);
    if (a === undefined) { problem(key, 'wrong rank', '(M,) float (one value per scan position)', describeArray(stored)); return undefined; }
    if (M === undefined) {
      M = a.shape[0];
      mFrom = key;
      if (M === 0) problem(key, 'no scan positions (M = 0)', '(M,) float with M ≥ 1', describeArray(stored));
    } else if (a.shape[0] !== M) { problem(key, 'M mismatch between keys', `(${M},) like ${mFrom}`, describeArray(stored)); return undefined; }
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
  interface Diffraction { readonly d: Float32Array; readonly N: number; readonly M: number; readonly a: NdArray }
  const readDiffraction = (key: string): Diffraction | undefined => {
    const stored = get(key)!;
    if (!REAL.has(stored.dtype)) { problem(key, 'wrong dtype', '(M, N, N) float amplitude', describeArray(stored)); return undefined; }
    const a = stored.shape.length > 3 ? squeezed(key, stored, 3) : stored;
    if (a === undefined || a.shape.length !== 3) { problem(key, 'wrong rank', '(M, N, N) float amplitude', `${describeArray(stored)}${rankHint(stored.shape)}`); return undefined; }
    const [s0, s1, s2] = a.shape as [number, number, number];
    const asked = opts.layout ?? 'auto';
    const read = diffractionLayout(a.shape, asked);
    if (read === undefined) {
      if (asked === 'auto') { problem(key, 'not square patterns', '(M, N, N) or (N, N, M) with square N×N patterns', describeArray(stored)); return undefined; }
      const other = asked === 'mnn' ? 'nnm' : 'mnn';
      const fitsOther = diffractionLayout(a.shape, other) !== undefined;
      problem(key, `not ${LAYOUT[asked]} as --layout ${asked} says`, `${LAYOUT[asked]} with square N×N patterns`,
        `${describeArray(stored)}${fitsOther ? `, which is ${LAYOUT[other]}: say --layout ${other} (or leave --layout out)` : ''}`);
      return undefined;
    }
    const { layout, M: m, N: n } = read;
    if (M !== undefined && m !== M) {
      problem(key, 'M mismatch between keys', `${layout === 'nnm' ? `(N, N, ${M})` : `(${M}, N, N)`} with M from ${mFrom}`,
        `${describeArray(stored)}${layout === 'nnm' ? `: ${m} patterns on the last axis` : ''}`);
      return undefined;
    }
    const values = toFloat32Array(a);
    const raw = layout === 'nnm' ? transposeNNM(values, n, m) : values;
    if (layout === 'nnm') notes.push(`${source}: '${key}' stored as (N, N, M) = ${describeArray(stored)}${asked === 'nnm' ? ' (--layout nnm)' : ''}: patterns on the last axis, transposed to (M, N, N)`);
    else if (asked === 'auto' && s0 === s1 && s1 === s2) notes.push(`${source}: '${key}' ${describeArray(stored)} could be (M, N, N) or (N, N, M) since M = N; read as (M, N, N): say --layout nnm if the patterns are on the last axis`);
    if (!(SUPPORTED_N as readonly number[]).includes(n)) problem(key, 'unsupported pattern size N', `N in {${SUPPORTED_N.join(', ')}}`, `N = ${n} from ${describeArray(stored)}`);
    const counts = opts.diffraction === 'counts';
    /** Index of flat (M, N, N) element k in the file's own axis order. */
    const at = (k: number): string => {
      const mm = Math.floor(k / (n * n)), i = Math.floor((k % (n * n)) / n), j = k % n;
      return layout === 'nnm' ? `index (${i}, ${j}, ${mm}) (pattern ${mm})` : `index (${mm}, ${i}, ${j})`;
    };
    const finite = flagged(raw, m, n, (v) => !Number.isFinite(v));
    if (finite.count > 0) {
      const { count: c, first, where } = finite;
      problem(key, c === raw.length ? `every value is NaN/Inf (${c})` : `${c} NaN/Inf value${c > 1 ? 's' : ''}${where ? (finite.onlyThere ? `: ${where} in every pattern (masked detector pixels written as NaN?)` : `, first at ${at(first)}; ${where} in every pattern`) : `, first at ${at(first)}`}`,
        where && c < raw.length ? `finite values; ${MASKING_ADVICE}` : 'finite values', `${c} non-finite`);
    }
    const negative = flagged(raw, m, n, (v) => v < 0);
    if (negative.count > 0) {
      const { count: c, first, where } = negative;
      const what = `negative ${counts ? 'count' : 'amplitude'}${c > 1 ? 's' : ''}`;
      problem(key, where && negative.onlyThere
        ? `${c} ${what}: ${where} in every pattern (detector gaps or bad pixels marked ${raw[first]}?)`
        : `${c} ${what}, first at ${at(first)} (${raw[first]})${where ? `; ${where} in every pattern` : ''}`,
      `${counts ? 'counts ≥ 0' : 'amplitudes ≥ 0 (sqrt of counts)'}${where ? `; ${MASKING_ADVICE}` : ''}`, `${c} negative`);
    }
    if (finite.count > 0 || negative.count > 0) return undefined;
    let d = raw;
    if (counts) {
      d = countsToAmplitude(raw, { file: source, key });
      notes.push(`${source}: '${key}' read as counts: amplitude = sqrt(counts) (SPEC §3)`);
    }
    return { d, N: n, M: m, a };
  };
  let diff3d: Float32Array | undefined;
  let N: number | undefined;
  let dKey: 'diff3d' | 'diffraction' | undefined;
  const hasMain = get('diff3d') !== undefined, hasAlias = get('diffraction') !== undefined;
  if (!hasMain && !hasAlias) problem('diff3d', `missing required key (alias: diffraction)${nearMiss('diff3d') || nearMiss('diffraction')}`, 'diff3d (M, N, N) float amplitude', 'absent');
  else {
    const main = hasMain ? readDiffraction('diff3d') : undefined;
    const alias = hasAlias ? readDiffraction('diffraction') : undefined;
    if (hasMain && hasAlias) {
      if (main && alias) {
        const diff = firstDifference(main, alias);
        if (diff === undefined) {
          notes.push(`${source}: both 'diff3d' and 'diffraction' are present with identical contents; using 'diff3d'`);
          dKey = 'diff3d';
        } else {
          problem('diffraction', "ambiguous input: both 'diff3d' and 'diffraction' are present and differ; keep only the one you mean",
            "one of 'diff3d' or 'diffraction' (or two identical arrays)", `'diff3d' ${describeArray(main.a)} and 'diffraction' ${describeArray(alias.a)}, ${diff}`);
        }
      }
    } else dKey = hasMain ? 'diff3d' : 'diffraction';
    const chosen = dKey === 'diff3d' ? main : dKey === 'diffraction' ? alias : undefined;
    if (chosen) {
      if (M === undefined) { M = chosen.M; mFrom = dKey!; }
      N = chosen.N;
      diff3d = chosen.d;
    }
  }

  // --- probe ---------------------------------------------------------------------------------
  const complex2d = (key: string, required: boolean, square: boolean): ComplexArray | undefined => {
    const stored = get(key);
    const want = square ? `(N, N) complex${N !== undefined ? ` with N = ${N}` : ''}` : '(H, W) complex';
    if (stored === undefined) { if (required) problem(key, `missing required key${nearMiss(key)}`, `${key} ${want}`, 'absent'); return undefined; }
    if (!NUMERIC.has(stored.dtype)) { problem(key, 'wrong dtype', want, describeArray(stored)); return undefined; }
    const a = stored.shape.length > 2 ? squeezed(key, stored, 2) : stored;
    if (a === undefined || a.shape.length !== 2) {
      const modes = square && stored.shape.length === 3 && stored.shape[1] === stored.shape[2] ? `: ${stored.shape[0]} probe modes? ptychojs uses one: write the strongest, e.g. probeGuess[0]` : '';
      problem(key, 'wrong rank', want, `${describeArray(stored)}${modes}`);
      return undefined;
    }
    if (square && a.shape[0] !== a.shape[1]) { problem(key, 'probe is not square', want, describeArray(stored)); return undefined; }
    if (square && N !== undefined && a.shape[0] !== N) { problem(key, 'probe size differs from the pattern size N', want, describeArray(stored)); return undefined; }
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
  const siStored = get('scan_index');
  const si = siStored && siStored.shape.length > 1 ? squeezed('scan_index', siStored, 1) ?? siStored : siStored;
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

  // --- notes: conversions on reading, unused keys --------------------------------------------
  const storedDtypes: Record<string, string> = {};
  for (const [key, a] of Object.entries(arrays)) {
    if (a === undefined) continue;
    storedDtypes[key] = numpyDtypeName(a);
    const inMemory = numpyDtypeName({ dtype: a.dtype });
    if (a.storedDescr !== undefined && a.dtype !== 'U' && a.dtype !== 'S' && storedDtypes[key] !== inMemory) {
      notes.push(`${source}: '${key}' is stored as ${storedDtypes[key]} ('${a.storedDescr}'); read as ${inMemory}`);
    }
  }
  const unused = Object.keys(arrays).filter((k) => !KNOWN_KEYS.includes(k));
  if (unused.length > 0) notes.push(`${source}: key${unused.length > 1 ? 's' : ''} not used (not in the SPEC §3 contract): ${unused.map((k) => `'${k}'`).join(', ')}`);

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
    diffractionKey: dKey!,
    storedDtypes,
  };
  return { raw, problems, notes };
}

/** `(m, i, j)` text of flat C index `k` in `shape`. */
function indexText(k: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]!); k = Math.floor(k / shape[d]!); }
  return `(${idx.join(', ')})`;
}

/** `undefined` when both readings are equal (NaN equals NaN), else where they first differ, in words. */
function firstDifference(a: { d: Float32Array; M: number; N: number }, b: { d: Float32Array; M: number; N: number }): string | undefined {
  if (a.M !== b.M || a.N !== b.N) return `shapes (${a.M}, ${a.N}, ${a.N}) and (${b.M}, ${b.N}, ${b.N}) as read`;
  let count = 0, first = -1;
  for (let i = 0; i < a.d.length; i++) {
    const x = a.d[i]!, y = b.d[i]!;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) { if (count === 0) first = i; count++; }
  }
  if (count === 0) return undefined;
  return `${count} value${count > 1 ? 's' : ''} differ, first at ${indexText(first, [a.M, a.N, a.N])}: ${a.d[first]} vs ${b.d[first]}`;
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

const LAYOUT = { mnn: '(M, N, N)', nnm: '(N, N, M)' } as const;

/** What a diffraction array of the wrong rank probably is, and how to make it (M, N, N). */
function rankHint(shape: readonly number[]): string {
  if (shape.length === 2) {
    const [a, b] = shape as [number, number];
    const side = Math.round(Math.sqrt(b));
    if ((SUPPORTED_N as readonly number[]).includes(side) && side * side === b) return `: ${a} flattened ${side}×${side} patterns? reshape to (${a}, ${side}, ${side})`;
    if (a === b) return `: one ${a}×${a} pattern? write it as (1, ${a}, ${a})`;
  }
  if (shape.length === 4 && shape[2] === shape[3]) {
    const [r, c, n] = shape as [number, number, number];
    return `: a ${r}×${c} raster of ${n}×${n} patterns? reshape to (${r * c}, ${n}, ${n}) in the order of xcoords/ycoords`;
  }
  return '';
}

/** Values of an (M, N, N) stack that fail a test: how many, the first, and the pixels that fail in every pattern. */
interface Flagged {
  readonly count: number;
  /** Flat index of the first. */
  readonly first: number;
  /** The pixels flagged in every pattern in words (`columns 30…31`), '' when none (or M < 2). */
  readonly where: string;
  /** Every flagged value lies in those pixels. */
  readonly onlyThere: boolean;
}

function flagged(d: Float32Array, M: number, N: number, bad: (v: number) => boolean): Flagged {
  const NN = N * N;
  let count = 0, first = -1;
  let perPixel: Uint32Array | undefined;
  for (let k = 0; k < d.length; k++) {
    if (!bad(d[k]!)) continue;
    if (count++ === 0) { first = k; perPixel = new Uint32Array(NN); }
    perPixel![k % NN]!++;
  }
  if (count === 0 || M < 2) return { count, first, where: '', onlyThere: false };
  const always = perPixel!.map((c) => (c === M ? 1 : 0));
  const fp = describeFlaggedPixels(always, N);
  return { count, first, where: fp.count === NN ? 'every pixel' : fp.text, onlyThere: fp.count * M === count };
}
