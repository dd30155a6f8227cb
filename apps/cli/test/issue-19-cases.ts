// The bad inputs of issue 19 and the other members of their kinds, each made from one small
// simulated scan (36 positions, N = 64, Poisson counts) so that the only thing wrong with a case is
// what its name says. `issue-19-cases.test.ts` runs `ptycho inspect` on each as a user would, and
// with PTYCHO_WRITE_CASES=DIR also writes each case to DIR/NAME.npz for trying it by hand.
import { ndarray, type NdArray } from '@ptychojs/io';
import { simulateScan } from '@ptychojs/physics';

export const N = 64;
const NN = N * N;

/** The base scan: a 6×6 grid (M = 36), 1e4 counts per pattern, float32 amplitudes; and its counts as uint16. */
function baseScan(): { arrays: Record<string, NdArray>; counts: Uint16Array; M: number } {
  const sim = simulateScan({ n: N, object: { kind: 'lines', height: 94, width: 94 }, scan: { kind: 'grid', step: 6 }, nphotons: 1e4, seed: 19 });
  const arrays: Record<string, NdArray> = { ...sim.arrays };
  delete arrays._metadata; // the dose comes from the data
  const d = arrays.diff3d!.data as Float32Array;
  return { arrays, counts: Uint16Array.from(d, (a) => Math.round(a * a)), M: arrays.diff3d!.shape[0]! };
}

/** One case: the arrays, the flags `inspect` is given, and what it must do. */
export interface Issue19Case {
  readonly name: string;
  /** The kind (a: degenerate stack, b: flagged pixels, c: layout) and what the case is. */
  readonly kind: 'a' | 'b' | 'c';
  readonly what: string;
  readonly arrays: Record<string, NdArray>;
  readonly flags?: readonly string[];
  /** Exit code of `inspect`. */
  readonly code: 0 | 2;
  /** Codes of the problems (exit 2) or warnings (exit 0) expected, in order. */
  readonly findings: readonly string[];
  /** Text the finding's message (or the notes) must contain. */
  readonly says: readonly (string | RegExp)[];
}

const u2 = (M: number, d: Uint16Array) => ndarray('u2', [M, N, N], d);
const f4 = (shape: number[], d: Float32Array) => ndarray('f4', shape, d);

/** Every case, built from the base scan. */
export function issue19Cases(): Issue19Case[] {
  const { arrays: base, counts, M } = baseScan();
  const amp = base.diff3d!.data as Float32Array;
  const withD = (d: NdArray, extra: Record<string, NdArray> = {}) => ({ ...base, diff3d: d, ...extra });
  const setCols = <T extends Float32Array | Uint16Array | Uint32Array | Int32Array>(d: T, cols: number[], v: number): T => {
    for (let m = 0; m < M; m++) for (let i = 0; i < N; i++) for (const j of cols) d[m * NN + i * N + j] = v;
    return d;
  };
  const transposed = new Float32Array(amp.length);
  for (let m = 0; m < M; m++) for (let p = 0; p < NN; p++) transposed[p * M + m] = amp[m * NN + p]!;
  const column = (a: NdArray) => ndarray(a.dtype, [a.shape[0]!, 1], a.data);

  return [
    // (a) degenerate stacks: refused, whatever their size (large ones from a stream: check-scan-file.test.ts)
    { name: 'a1_all_zero', kind: 'a', what: 'every pattern zero (the issue: 4 GiB of deflated zeros, here small)', arrays: withD(f4([M, N, N], new Float32Array(M * NN))), code: 2, findings: ['diffraction-all-zero'], says: ['every diffraction pattern is zero'] },
    { name: 'a2_saturated_everywhere', kind: 'a', what: 'every value 65535 (uint16)', arrays: withD(u2(M, new Uint16Array(M * NN).fill(65535))), code: 2, findings: ['diffraction-constant'], says: ['65535 (the uint16 maximum)', 'no diffraction was recorded'] },
    { name: 'a3_constant_offset', kind: 'a', what: 'every value 100 (a dark offset, no signal)', arrays: withD(f4([M, N, N], new Float32Array(M * NN).fill(100))), code: 2, findings: ['diffraction-constant'], says: ['every value of every diffraction pattern is 100'] },
    { name: 'a4_all_nan', kind: 'a', what: 'every value NaN', arrays: withD(f4([M, N, N], new Float32Array(M * NN).fill(Number.NaN))), code: 2, findings: ['contract'], says: [`every value is NaN/Inf (${M * NN})`] },
    { name: 'a5_one_frame_repeated', kind: 'a', what: 'pattern 0 written for every position', arrays: withD(f4([M, N, N], Float32Array.from({ length: M * NN }, (_, k) => amp[k % NN]!))), code: 0, findings: ['identical-patterns'], says: [`all ${M} patterns are identical`] },
    // (b) pixels that are no measurement
    { name: 'b1_gaps_uint16_max', kind: 'b', what: 'counts (uint16) with 65535 in columns 30–31 of every frame (the issue)', arrays: withD(u2(M, setCols(counts.slice(), [30, 31], 65535))), code: 0, findings: ['diffraction-read-as-counts', 'detector-gaps'], says: ['columns 30…31 = 65535 (the uint16 maximum) in every pattern', 'mask them'] },
    { name: 'b1m_gaps_masked', kind: 'b', what: 'the same with the gap columns masked (bad_pixels, as --mask FILE gives it)', arrays: { ...withD(u2(M, setCols(counts.slice(), [30, 31], 65535))), bad_pixels: ndarray('b1', [N, N], Uint8Array.from({ length: NN }, (_, p) => (p % N === 30 || p % N === 31 ? 1 : 0))) }, code: 0, findings: ['diffraction-read-as-counts'], says: ['bad-pixel mask from \'bad_pixels\': 128 of 4096 pixels not measured'] },
    { name: 'b2_gaps_sqrt_max', kind: 'b', what: 'amplitudes (float32) with √65535 in columns 30–31 (the issue, after conversion)', arrays: withD(f4([M, N, N], setCols(amp.slice(), [30, 31], Math.sqrt(65535)))), code: 0, findings: ['detector-gaps'], says: ['columns 30…31 = 255.998 (√65535: the uint16 maximum as an amplitude)'] },
    { name: 'b3_gap_row_uint32', kind: 'b', what: 'counts (uint32) with 4294967295 in row 20', arrays: withD(ndarray('u4', [M, N, N], (() => { const d = Uint32Array.from(counts); for (let m = 0; m < M; m++) d.fill(4294967295, m * NN + 20 * N, m * NN + 21 * N); return d; })())), code: 0, findings: ['diffraction-read-as-counts', 'detector-gaps'], says: ['row 20 = 4294967295 (the uint32 maximum)'] },
    { name: 'b4_hot_pixels', kind: 'b', what: 'two pixels at 60000 counts in every frame', arrays: withD(u2(M, (() => { const d = counts.slice(); for (let m = 0; m < M; m++) { d[m * NN + 5 * N + 7] = 60000; d[m * NN + 50 * N + 12] = 60000; } return d; })())), code: 0, findings: ['diffraction-read-as-counts', 'hot-pixels'], says: ['(5, 7) = 60000, (50, 12) = 60000'] },
    { name: 'b5_saturated_centre', kind: 'b', what: 'bright frames clipped at 65535 in the central pixels', arrays: withD(u2(M, Uint16Array.from(counts, (c) => Math.min(65535, c * 1000)))), code: 0, findings: ['diffraction-read-as-counts', 'saturated-pixels'], says: [/equal 65535 \(the uint16 maximum\).*saturated/] },
    { name: 'b6_nan_stripes', kind: 'b', what: 'NaN in columns 30–31 of every frame (masked gaps)', arrays: withD(f4([M, N, N], setCols(amp.slice(), [30, 31], Number.NaN))), code: 2, findings: ['contract'], says: ['columns 30…31 in every pattern (masked detector pixels written as NaN?)', 'mask them'] },
    { name: 'b7_pilatus_minus_one', kind: 'b', what: 'int32 counts with −1 in columns 30–31 (Pilatus gaps)', arrays: withD(ndarray('i4', [M, N, N], setCols(Int32Array.from(counts), [30, 31], -1))), code: 2, findings: ['contract'], says: ['columns 30…31 in every pattern (detector gaps or bad pixels marked -1?)'] },
    // (c) layouts
    { name: 'c1_nnm_column_coords', kind: 'c', what: 'diffraction (N, N, M) with (M, 1) coordinates (the issue)', arrays: { ...base, diff3d: f4([N, N, M], transposed), xcoords: column(base.xcoords!), ycoords: column(base.ycoords!) }, code: 0, findings: [], says: [`'xcoords' stored as (${M}, 1) float64: read as (${M},)`, `'diff3d' stored as (N, N, M) = (64, 64, ${M}) float32: patterns on the last axis, transposed to (M, N, N)`] },
    { name: 'c2_nnm_said_mnn', kind: 'c', what: 'the same with --layout mnn', arrays: { ...base, diff3d: f4([N, N, M], transposed) }, flags: ['--layout', 'mnn'], code: 2, findings: ['contract'], says: ['not (M, N, N) as --layout mnn says', 'which is (N, N, M): say --layout nnm'] },
    { name: 'c3_nnm_fewer_patterns', kind: 'c', what: '(N, N, M − 6): patterns missing', arrays: { ...base, diff3d: f4([N, N, M - 6], transposed.subarray(0, NN * (M - 6))) }, code: 2, findings: ['contract'], says: [`M mismatch between keys; expected (N, N, ${M}) with M from xcoords; got (64, 64, ${M - 6}) float32: ${M - 6} patterns on the last axis`] },
    { name: 'c4_raster', kind: 'c', what: '(6, 6, N, N): a raster of patterns', arrays: withD(f4([6, 6, N, N], amp)), code: 2, findings: ['contract'], says: [`a 6×6 raster of 64×64 patterns? reshape to (${M}, 64, 64)`] },
    { name: 'c5_flattened', kind: 'c', what: '(M, N·N): flattened patterns', arrays: withD(f4([M, NN], amp)), code: 2, findings: ['contract'], says: [`${M} flattened 64×64 patterns? reshape to (${M}, 64, 64)`] },
    { name: 'c6_probe_modes', kind: 'c', what: 'a (3, N, N) stack of probe modes', arrays: { ...base, probeGuess: ndarray('c8', [3, N, N], Float32Array.from({ length: 3 * 2 * NN }, (_, k) => (base.probeGuess!.data as Float32Array)[k % (2 * NN)]!)) }, code: 2, findings: ['contract'], says: ['3 probe modes? ptychojs uses one'] },
    { name: 'c7_extra_axis', kind: 'c', what: '(M, 1, N, N) diffraction and a (1, N, N) probe', arrays: { ...withD(f4([M, 1, N, N], amp)), probeGuess: ndarray('c8', [1, N, N], base.probeGuess!.data) }, code: 0, findings: [], says: [`'diff3d' stored as (${M}, 1, 64, 64) float32: read as (${M}, 64, 64)`, "'probeGuess' stored as (1, 64, 64) complex64: read as (64, 64)"] },
  ];
}
