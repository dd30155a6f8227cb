import type { DiffractionKind } from './default-diffraction-kind.js';
import { diffractionStatsAccumulator, type DiffractionStats } from './diffraction-stats.js';
import { formatInputError, type InputErrorDetails } from './errors.js';
import { describeArray } from './describe-array.js';
import { describeFlaggedPixels } from './describe-flagged-pixels.js';
import { detectorFlagValues } from './detector-flag-values.js';
import { diffractionLayout, type DiffractionLayout } from './diffraction-layout.js';
import { MASKING_ADVICE } from './masking-advice.js';
import { numpyDtypeName } from './numpy-dtype-name.js';
import { squeezeArray } from './squeeze-array.js';
import { toComplexArray } from './to-complex-array.js';
import { toFloat64Array } from './to-float64-array.js';
import { toStrings } from './to-strings.js';
import { arrayFrameSource } from './scan/array-frame-source.js';
import { SUPPORTED_N, type ComplexArray, type FrameReader, type FrameSource, type NdArray, type RawData, type ScanData } from './types.js';

/** Result of {@link checkRawData}: the validated data when there are no problems, and every problem. */
export interface RawDataCheck {
  /** The scan with its diffraction in memory: when it was given in memory (an `NdArray`) and there are no problems. */
  readonly raw?: RawData;
  /** The scan with its frames read by range (always, when there are no problems). */
  readonly scan?: ScanData;
  /**
   * The diffraction's statistics from the check's one pass (for `assessScan`), when the
   * diffraction's shape passed; of a sample of frames when `sampleBytes` asked for one.
   */
  readonly stats?: DiffractionStats;
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
  /**
   * A bad-pixel mask given apart from the arrays (`--mask FILE`): (N, N), nonzero = not measured.
   * Combined (or) with the arrays' `bad_pixels`.
   */
  readonly badPixels?: NdArray;
  /** Where `badPixels` came from, for messages (default `--mask`). */
  readonly badPixelsSource?: string;
  /**
   * Read only a sample of the frames for the statistics when the stack holds more than this many
   * bytes as float32: evenly spaced blocks of frames adding up to about this many bytes
   * (`inspect`'s quick look at a large scan). Default: every frame. A sample finds NaN, negative
   * or suspicious frames only where it looks; commands that reconstruct read every frame.
   */
  readonly sampleBytes?: number;
  /** Frames read per step of the pass (bounds its memory); default 16 MiB worth. */
  readonly chunkBytes?: number;
  /** (N, N, M) layouts are transposed in memory up to this many bytes (default 1 GiB); beyond, refused. */
  readonly maxTransposeBytes?: number;
  /** Progress of the pass over the frames (frames read so far, frames to read). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Keys of the raw NPZ contract (SPEC §3); anything else is listed in a note as not used. */
const KNOWN_KEYS = ['xcoords', 'ycoords', 'diff3d', 'diffraction', 'probeGuess', 'objectGuess', 'xcoords_start', 'ycoords_start', 'scan_index', '_metadata', 'bad_pixels'];

const REAL = new Set(['f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']);
const INT = new Set(['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']);
const NUMERIC = new Set([...REAL, 'c8', 'c16']);

/**
 * Validate arrays against the raw NPZ contract (SPEC §3) and collect every problem instead of
 * stopping at the first (the CLI's `inspect` lists them all). `source` names the file in messages.
 *
 * The diffraction may be an array in memory or a {@link FrameSource} (a scan reader's lazy,
 * ranged view of the file): its shape and dtype are checked from the header, and its values in
 * one streaming pass of bounded memory that gathers the statistics of `assessScan` at the same
 * time (NaN/Inf and negatives are problems here). The result holds the scan with its frames read
 * by range (`scan`), and, when the diffraction was in memory, the usual `RawData` (`raw`).
 * A bad-pixel mask (`bad_pixels (N, N)` bool, optional, or `opts.badPixels`) is excluded from the
 * statistics and reads as 0 in the amplitudes.
 *
 * Required: `xcoords (M,)`, `ycoords (M,)` real; `diff3d (M, N, N)` real amplitude (alias
 * `diffraction`; the layout from `opts.layout`, by default from the shape: `diffractionLayout`,
 * `(N, N, M)` transposed with a note); `probeGuess (N, N)` complex (or real). Axes of length 1
 * beyond each key's rank are dropped with a note ((M, 1) coordinates, a (1, N, N) probe). Optional:
 * `objectGuess (H, W)`, `xcoords_start`/`ycoords_start (M,)` (default xcoords/ycoords),
 * `scan_index (M,)` integer (default zeros), `_metadata` (JSON object in a string array).
 * Problems: missing keys, wrong ranks or dtypes, zero positions (M = 0), M mismatch,
 * N ∉ {64, 128, 256}, probe not square or not N×N, NaN/Inf anywhere (count, first index in the
 * file's axis order, and the columns/rows/pixels holding them in every pattern), negative
 * amplitudes (likewise), and `diff3d` and `diffraction` both present with different
 * contents (ambiguous: which one is meant?). Notes: identical aliases, dtypes converted on reading
 * (float16, big-endian), `(N, N, M)` transposed, `(M, N, N)` with M = N read as such, unused keys.
 * Physical plausibility and fitness for a command are `assessScan`'s (@ptychojs/pipeline).
 */
export function checkRawData(arrays: Readonly<Record<string, NdArray | FrameSource>>, source: string, opts: CheckRawDataOptions = {}): RawDataCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const problem = (key: string | undefined, message: string, expected?: string, actual?: string): void => {
    const d: InputErrorDetails = { file: source, key, expected, actual };
    problems.push(formatInputError(message, d));
  };
  const getAny = (key: string): NdArray | FrameSource | undefined => (Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined);
  /** Every key but the diffraction is read whole (a lazy one is read now). */
  const get = (key: string): NdArray | undefined => {
    const a = getAny(key);
    if (a === undefined || !isLazy(a)) return a;
    return { dtype: a.dtype, shape: a.shape, data: a.readRows(0, a.shape[0] ?? 1), ...(a.storedDescr !== undefined ? { storedDescr: a.storedDescr } : {}) };
  };
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
  const squeezed = <T extends NdArray | FrameSource>(key: string, a: T, rank: number): T | undefined => {
    // A lazy array is read by rows of its first axis: only later axes may be dropped.
    const s = isLazy(a) ? (a.shape[0] === 1 && a.shape.length > rank ? undefined : lazySqueeze(a, rank)) : squeezeArray(a, rank);
    if (s === undefined || s.shape.length !== rank) return undefined;
    if (s.shape.length !== a.shape.length) notes.push(`${source}: '${key}' stored as ${describeArray(a)}: read as (${s.shape.join(', ')}${rank === 1 ? ',' : ''}) (axes of length 1 dropped)`);
    return s as T;
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

  // --- bad pixels ---------------------------------------------------------------------------
  const maskArrays: { a: NdArray; from: string }[] = [];
  const bp = get('bad_pixels');
  if (bp !== undefined) maskArrays.push({ a: bp, from: `'bad_pixels'` });
  if (opts.badPixels) maskArrays.push({ a: opts.badPixels, from: opts.badPixelsSource ?? '--mask' });

  // --- diffraction ---------------------------------------------------------------------------
  interface Diffraction { readonly src: FrameSource; readonly N: number; readonly M: number; readonly a: FrameSource; readonly label: string; readonly layout: 'mnn' | 'nnm' }
  const counts = opts.diffraction === 'counts';
  const readDiffraction = (contractKey: string): Diffraction | undefined => {
    const given = getAny(contractKey)!;
    const a = isLazy(given) ? given : undefined;
    // Messages name the array where it is in the file (an HDF5 path), else the contract key.
    const key = a?.path ?? contractKey;
    if (!REAL.has(given.dtype)) { problem(key, 'wrong dtype', '(M, N, N) float amplitude', describeArray(given)); return undefined; }
    const sq = given.shape.length > 3 ? squeezed(key, given, 3) : given;
    if (sq === undefined || sq.shape.length !== 3) { problem(key, 'wrong rank', '(M, N, N) float amplitude', `${describeArray(given)}${rankHint(given.shape)}`); return undefined; }
    const s = sq.shape;
    const src = isLazy(sq) ? sq : arrayFrameSource(sq as NdArray, { file: source, key });
    const [s0, s1, s2] = s as [number, number, number];
    const asked = opts.layout ?? 'auto';
    const read = diffractionLayout(s, asked);
    if (read === undefined) {
      if (asked === 'auto') { problem(key, 'not square patterns', '(M, N, N) or (N, N, M) with square N×N patterns', describeArray(given)); return undefined; }
      const other = asked === 'mnn' ? 'nnm' : 'mnn';
      const fitsOther = diffractionLayout(s, other) !== undefined;
      problem(key, `not ${LAYOUT[asked]} as --layout ${asked} says`, `${LAYOUT[asked]} with square N×N patterns`,
        `${describeArray(given)}${fitsOther ? `, which is ${LAYOUT[other]}: say --layout ${other} (or leave --layout out)` : ''}`);
      return undefined;
    }
    const { layout, M: m, N: n } = read;
    const transposed = layout === 'nnm';
    if (M !== undefined && m !== M) {
      problem(key, 'M mismatch between keys', `${transposed ? `(N, N, ${M})` : `(${M}, N, N)`} with M from ${mFrom}`,
        `${describeArray(given)}${transposed ? `: ${m} patterns on the last axis` : ''}`);
      return undefined;
    }
    let frames = src;
    if (transposed) {
      const bytes = 4 * m * n * n;
      const limit = opts.maxTransposeBytes ?? 2 ** 30;
      if (src.access !== 'memory' && bytes > limit) {
        problem(key, `stored as (N, N, M): its frames are not contiguous, and transposing ${bytes} bytes exceeds ${limit} bytes`, '(M, N, N) for a scan this large', describeArray(given));
        return undefined;
      }
      frames = { ...arrayFrameSource({ dtype: 'f4', shape: [m, n, n], data: transposeNNM(src.readRows(0, s0), n, m) }, { file: source, key }), path: key };
      notes.push(`${source}: '${key}' stored as (N, N, M) = ${describeArray(given)}${asked === 'nnm' ? ' (--layout nnm)' : ''}: patterns on the last axis, transposed to (M, N, N)`);
    } else if (asked === 'auto' && s0 === s1 && s1 === s2) notes.push(`${source}: '${key}' ${describeArray(given)} could be (M, N, N) or (N, N, M) since M = N; read as (M, N, N): say --layout nnm if the patterns are on the last axis`);
    if (!(SUPPORTED_N as readonly number[]).includes(n)) problem(key, 'unsupported pattern size N', `N in {${SUPPORTED_N.join(', ')}}`, `N = ${n} from ${describeArray(given)}`);
    return { src: frames, N: n, M: m, a: given as FrameSource, label: key, layout };
  };
  // One pass over the frames: NaN/Inf and negatives (problems), and assessScan's statistics.
  const pass = (d: Diffraction, key: string, mask: Uint8Array | undefined): DiffractionStats => {
    const { src } = d;
    const nn = d.N * d.N;
    const m = d.M;
    const frameBytes = 4 * nn;
    const sample = opts.sampleBytes !== undefined && m * frameBytes > opts.sampleBytes;
    const flagValues = new Set(detectorFlagValues(numpyDtypeName(d.a), counts ? 'counts' : 'amplitude').keys());
    const acc = diffractionStatsAccumulator(m, d.N, { counts, ...(mask ? { badPixels: mask } : {}), sample, flagValues });
    const step = Math.max(1, Math.floor((opts.chunkBytes ?? 16 * 2 ** 20) / frameBytes));
    const ranges = sample ? sampleRanges(m, frameBytes, opts.sampleBytes!) : [[0, m] as const];
    const total = ranges.reduce((t, [a, b]) => t + b - a, 0);
    const buf = new Float32Array(Math.min(step, total) * nn);
    let done = 0;
    for (const [a, b] of ranges) {
      for (let f = a; f < b; f += step) {
        const e = Math.min(b, f + step);
        src.readRows(f, e, buf);
        acc.add(buf, e - f, f);
        done += e - f;
        opts.onProgress?.(done, total);
      }
    }
    const st = acc.finish();
    const nn2 = d.N * d.N;
    /** Index of flat (M, N, N) element k in the file's own axis order. */
    const at = (k: number): string => {
      const mm = Math.floor(k / nn2), i = Math.floor((k % nn2) / d.N), j = k % d.N;
      return d.layout === 'nnm' ? `index (${i}, ${j}, ${mm}) (pattern ${mm})` : `index (${mm}, ${i}, ${j})`;
    };
    const every = sample ? 'every pattern read' : 'every pattern';
    if (st.nonFinite > 0) {
      const c = st.nonFinite;
      const { where, onlyThere } = flaggedWhere(st.nonFinitePixels, st.patterns, d.N, c);
      const all = c === st.patterns * nn2 - st.maskedPixels * st.patterns;
      problem(key, all ? `every value is NaN/Inf (${c})` : `${c} NaN/Inf value${c > 1 ? 's' : ''}${where ? (onlyThere ? `: ${where} in ${every} (masked detector pixels written as NaN?)` : `, first at ${at(st.firstNonFinite)}; ${where} in ${every}`) : `, first at ${at(st.firstNonFinite)}`}`,
        where && !all ? `finite values; ${MASKING_ADVICE}` : 'finite values', `${c} non-finite`);
    }
    const neg = st.negative;
    if (neg > 0) {
      const { where, onlyThere } = flaggedWhere(st.negativePixels, st.patterns, d.N, neg);
      const what = `negative ${counts ? 'count' : 'amplitude'}${neg > 1 ? 's' : ''}`;
      problem(key, where && onlyThere
        ? `${neg} ${what}: ${where} in ${every} (detector gaps or bad pixels marked ${st.firstNegativeValue}?)`
        : `${neg} ${what}, first at ${at(st.firstNegative)} (${st.firstNegativeValue})${where ? `; ${where} in ${every}` : ''}`,
      `${counts ? 'counts ≥ 0' : 'amplitudes ≥ 0 (sqrt of counts)'}${where ? `; ${MASKING_ADVICE}` : ''}`, `${neg} negative`);
    }
    if (sample) notes.push(`${source}: '${key}' holds ${m} frames (${fmtBytes(m * frameBytes)} as float32): statistics from a sample of ${st.patterns} frames in ${ranges.length} evenly spaced blocks (read every frame with --sample all)`);
    return st;
  };
  let chosen: Diffraction | undefined;
  let N: number | undefined;
  let dKey: string | undefined;
  const hasMain = getAny('diff3d') !== undefined, hasAlias = getAny('diffraction') !== undefined;
  if (!hasMain && !hasAlias) problem('diff3d', `missing required key (alias: diffraction)${nearMiss('diff3d') || nearMiss('diffraction')}`, 'diff3d (M, N, N) float amplitude', 'absent');
  else {
    const main = hasMain ? readDiffraction('diff3d') : undefined;
    const alias = hasAlias ? readDiffraction('diffraction') : undefined;
    if (hasMain && hasAlias) {
      if (main && alias) {
        const diff = firstDifference(main, alias, opts.chunkBytes);
        if (diff === undefined) {
          notes.push(`${source}: both 'diff3d' and 'diffraction' are present with identical contents; using 'diff3d'`);
          dKey = 'diff3d';
        } else {
          // Both are checked for their own values too, so each key's problems are named.
          pass(main, main.label, undefined);
          pass(alias, alias.label, undefined);
          problem('diffraction', "ambiguous input: both 'diff3d' and 'diffraction' are present and differ; keep only the one you mean",
            "one of 'diff3d' or 'diffraction' (or two identical arrays)", `'diff3d' ${describeArray(main.a)} and 'diffraction' ${describeArray(alias.a)}, ${diff}`);
        }
      }
    } else dKey = hasMain ? 'diff3d' : 'diffraction';
    chosen = dKey === 'diff3d' ? main : dKey === 'diffraction' ? alias : undefined;
    if (chosen) {
      if (M === undefined) { M = chosen.M; mFrom = chosen.label; }
      N = chosen.N;
    }
  }

  // The bad-pixel mask: (N, N), nonzero = not measured; several are combined.
  let badPixels: Uint8Array | undefined;
  if (N !== undefined) {
    for (const { a, from } of maskArrays) {
      const want = `(${N}, ${N}) bool like the patterns, true where a pixel is not measured`;
      if (!REAL.has(a.dtype) && a.dtype !== 'b1') { problem(from === `'bad_pixels'` ? 'bad_pixels' : from, 'bad-pixel mask of the wrong dtype', want, describeArray(a)); continue; }
      if (a.shape.length !== 2 || a.shape[0] !== N || a.shape[1] !== N) { problem(from === `'bad_pixels'` ? 'bad_pixels' : from, 'bad-pixel mask does not match the patterns', want, describeArray(a)); continue; }
      const v = toFloat64Array(a);
      badPixels ??= new Uint8Array(N * N);
      let count = 0;
      for (let i = 0; i < v.length; i++) if (v[i] !== 0) { badPixels[i] = 1; count++; }
      notes.push(`${source}: bad-pixel mask from ${from}: ${count} of ${N * N} pixels not measured, excluded from the statistics, the loss and ePIE's modulus constraint`);
    }
    if (badPixels && badPixels.every((b) => b === 1)) {
      problem(maskArrays[0]!.from === `'bad_pixels'` ? 'bad_pixels' : maskArrays[0]!.from, 'the bad-pixel mask excludes every pixel', 'some measured pixels', `all ${N * N} masked`);
      badPixels = undefined;
    }
  }
  let stats: DiffractionStats | undefined;
  if (chosen && dKey !== undefined) {
    stats = pass(chosen, chosen.label, badPixels);
    if (counts) notes.push(`${source}: '${chosen.label}' read as counts: amplitude = sqrt(counts) (SPEC §3)`);
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
  for (const [contractKey, a] of Object.entries(arrays)) {
    if (a === undefined) continue;
    const key = isLazy(a) && a.path !== undefined ? a.path : contractKey;
    storedDtypes[key] = numpyDtypeName(a);
    const inMemory = numpyDtypeName({ dtype: a.dtype });
    if (a.storedDescr !== undefined && a.dtype !== 'U' && a.dtype !== 'S' && storedDtypes[key] !== inMemory) {
      notes.push(`${source}: '${key}' is stored as ${storedDtypes[key]} ('${a.storedDescr}'); read as ${inMemory}`);
    }
  }
  const unused = Object.keys(arrays).filter((k) => !KNOWN_KEYS.includes(k));
  if (unused.length > 0) notes.push(`${source}: key${unused.length > 1 ? 's' : ''} not used (not in the SPEC §3 contract): ${unused.map((k) => `'${k}'`).join(', ')}`);

  if (problems.length > 0 || !xcoords || !ycoords || !chosen || !stats || !probeGuess || M === undefined || N === undefined) {
    return { problems, notes, ...(stats ? { stats } : {}) };
  }
  const common = {
    source, M, N, xcoords, ycoords,
    xcoordsStart: xs ?? xcoords,
    ycoordsStart: ys ?? ycoords,
    probeGuess,
    ...(objectGuess ? { objectGuess } : {}),
    scanIndex: scanIndex ?? new Int32Array(M),
    ...(metadata ? { metadata } : {}),
    diffractionKey: chosen.label,
    storedDtypes,
    ...(badPixels ? { badPixels } : {}),
  };
  const inMemory = chosen.src.access === 'memory';
  const frames = amplitudeReader(chosen.src, M, N, counts, badPixels);
  // Amplitudes already in the target type are used without copying.
  const diff3d = !inMemory ? undefined
    : !counts && !badPixels && chosen.a.dtype === 'f4' && !isLazy(getAny(dKey!)!) && chosen.src.shape === chosen.a.shape ? ((getAny(dKey!) as NdArray).data as Float32Array)
      : frames.read(0, M);
  const scan: ScanData = { ...common, frames: diff3d ? memoryReader(diff3d, M, N) : frames, patternEnergy: stats.energy, ...(diff3d ? { diff3d } : {}) };
  return { ...(diff3d ? { raw: { ...common, diff3d } } : {}), scan, stats, problems, notes };
}

/** A lazy array (a scan reader's {@link FrameSource}) rather than one in memory. */
function isLazy(a: NdArray | FrameSource): a is FrameSource {
  return typeof (a as FrameSource).readRows === 'function';
}

/** Amplitudes (sqrt of counts when `counts`) with bad pixels at 0, by frame range. */
function amplitudeReader(src: FrameSource, M: number, N: number, counts: boolean, bad: Uint8Array | undefined): FrameReader {
  const nn = N * N;
  return {
    M, N, access: src.access, bytes: 4 * M * nn,
    read(start, end, out) {
      const o = src.readRows(start, end, out);
      const n = (end - start) * nn;
      if (counts) for (let i = 0; i < n; i++) o[i] = Math.sqrt(o[i]!);
      if (bad) for (let f = 0; f < n; f += nn) for (let p = 0; p < nn; p++) if (bad[p]) o[f + p] = 0;
      return o;
    },
  };
}

/** A reader over amplitudes already in memory. */
function memoryReader(d: Float32Array, M: number, N: number): FrameReader {
  const nn = N * N;
  return {
    M, N, access: 'memory', bytes: 4 * M * nn,
    read(start, end, out) {
      const v = d.subarray(start * nn, end * nn);
      if (!out) return v.slice();
      out.set(v);
      return out;
    },
  };
}

/**
 * Evenly spaced blocks of frames covering about `bytes` (blocks of ≥ 1 frame and ~8 MiB, so each
 * is one ranged read), the first and the last frame included.
 */
function sampleRanges(M: number, frameBytes: number, bytes: number): (readonly [number, number])[] {
  const per = Math.max(1, Math.floor(8 * 2 ** 20 / frameBytes));
  const want = Math.max(1, Math.floor(bytes / frameBytes));
  const blocks = Math.max(2, Math.ceil(want / per));
  const len = Math.max(1, Math.floor(want / blocks));
  const out: (readonly [number, number])[] = [];
  for (let b = 0; b < blocks; b++) {
    const start = Math.min(M - len, Math.round((b * (M - len)) / (blocks - 1)));
    const prev = out.at(-1);
    if (prev && start < prev[1]) continue;
    out.push([start, start + len]);
  }
  return out;
}

function fmtBytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}

/** `(m, i, j)` text of flat C index `k` in `shape`. */
function indexText(k: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) { idx.unshift(k % shape[d]!); k = Math.floor(k / shape[d]!); }
  return `(${idx.join(', ')})`;
}

/** `undefined` when both are equal (NaN equals NaN), else where they first differ, in words; compared chunk by chunk. */
function firstDifference(a: { src: FrameSource; M: number; N: number }, b: { src: FrameSource; M: number; N: number }, chunkBytes = 16 * 2 ** 20): string | undefined {
  if (a.M !== b.M || a.N !== b.N) return `shapes (${a.M}, ${a.N}, ${a.N}) and (${b.M}, ${b.N}, ${b.N}) as read`;
  const nn = a.N * a.N;
  const step = Math.max(1, Math.floor(chunkBytes / (4 * nn)));
  let count = 0, first = -1, va = 0, vb = 0;
  for (let f = 0; f < a.M; f += step) {
    const e = Math.min(a.M, f + step);
    const x = a.src.readRows(f, e), y = b.src.readRows(f, e);
    for (let i = 0; i < x.length; i++) {
      const p = x[i]!, q = y[i]!;
      if (p !== q && !(Number.isNaN(p) && Number.isNaN(q))) { if (count === 0) { first = f * nn + i; va = p; vb = q; } count++; }
    }
  }
  if (count === 0) return undefined;
  return `${count} value${count > 1 ? 's' : ''} differ, first at ${indexText(first, [a.M, a.N, a.N])}: ${va} vs ${vb}`;
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

/** A lazy array without its axes of length 1 after the first (rows stay rows), down to `rank`. */
function lazySqueeze(a: FrameSource, rank: number): FrameSource | undefined {
  const shape = [...a.shape];
  while (shape.length > rank) {
    const i = shape.indexOf(1, 1);
    if (i < 0) return undefined;
    shape.splice(i, 1);
  }
  return { ...a, shape, readRows: a.readRows.bind(a) };
}

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

/**
 * Where flagged values lie: the pixels flagged in every pattern read, in words (`columns 30…31`,
 * `every pixel`), '' when none (or fewer than 2 patterns), and whether every flagged value lies there.
 */
function flaggedWhere(perPixel: Uint32Array | undefined, patterns: number, N: number, count: number): { where: string; onlyThere: boolean } {
  if (!perPixel || patterns < 2) return { where: '', onlyThere: false };
  const always = perPixel.map((c) => (c === patterns ? 1 : 0));
  const fp = describeFlaggedPixels(always, N);
  return { where: fp.count === N * N ? 'every pixel' : fp.text, onlyThere: fp.count * patterns === count };
}
