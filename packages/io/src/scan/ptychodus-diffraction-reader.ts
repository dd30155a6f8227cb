import { InputError } from '../errors.js';
import { describeArray } from '../describe-array.js';
import { ndarray } from '../ndarray.js';
import type { FrameSource, NdArray } from '../types.js';
import { containerFields } from './container-fields.js';
import { indexedFrameSource } from './indexed-frame-source.js';
import { ptychodusProductScan } from './ptychodus-product-scan.js';
import type { FieldMapping, ScanReader, ScanSource } from './scan-reader.js';

/**
 * ptychodus's assembled diffraction file (`DiffractionDataset.export_assembled_patterns`, LZF by
 * default): `/patterns` (M, H, W) detector counts, `/indexes` (M,) the frame index of each
 * pattern, `/bad_pixels` (H, W) bool. The positions and probe come from a ptychodus product given
 * with `--positions` (HDF5 or NPZ): each position takes the pattern whose index equals its
 * `probe_position_indexes` entry (positions without a pattern, and patterns without a position,
 * are left out and counted in a note).
 */
export const ptychodusDiffractionReader: ScanReader = {
  name: 'ptychodus-diffraction-h5',
  format: 'ptychodus assembled diffraction patterns, HDF5 (positions from a ptychodus product)',
  container: 'hdf5',
  detect: (c) => c.entry('/patterns')?.shape.length === 3 && Boolean(c.entry('/indexes')),
  open(c, opts) {
    const file = c.file;
    const f = containerFields(c);
    const frames = c.frames('/patterns');
    const M0 = frames.shape[0]!;
    const idx = f.vector('/indexes')!;
    if (idx.length !== M0) throw new InputError('indexes differ in length from the patterns', { file, key: '/indexes', expected: `(${M0},)`, actual: `(${idx.length},)` });
    const mapping: FieldMapping[] = [];
    const notes: string[] = [];
    const arrays: Record<string, NdArray | FrameSource> = {};
    const bad = f.array('/bad_pixels');
    if (bad) { arrays.bad_pixels = bad; mapping.push({ field: 'bad_pixels', from: '/bad_pixels', how: `${describeArray(bad)}, true = not measured` }); }
    const base: Omit<ScanSource, 'arrays' | 'mapping' | 'notes' | 'warnings' | 'problems' | 'contents'> = { file, reader: this.name, format: this.format, close: () => { c.close(); opts.positions?.close(); } };
    if (!opts.positions) {
      arrays.diff3d = frames;
      mapping.push({ field: 'diff3d', from: '/patterns', how: 'counts as stored' });
      return {
        ...base, arrays, mapping, notes, warnings: [], contents: c.list(),
        problems: [`${file}: a ptychodus diffraction file holds patterns but no positions or probe; give the product that holds them with --positions FILE (.h5 or .npz)`],
      };
    }
    const pc = opts.positions;
    const p = ptychodusProductScan(pc, pc.kind === 'hdf5' ? 'h5' : 'npz');
    // Each position takes the pattern with its index.
    const frameOf = new Map<number, number>();
    idx.forEach((v, j) => { if (!frameOf.has(v)) frameOf.set(v, j); });
    const keep: number[] = [], order: number[] = [];
    p.indexes.forEach((v, k) => { const j = frameOf.get(v); if (j !== undefined) { keep.push(k); order.push(j); } });
    if (keep.length === 0) {
      throw new InputError('no position of the product matches a pattern of the diffraction file', { file: pc.file, key: pc.kind === 'hdf5' ? '/probe_position_indexes' : 'probe_position_indexes', expected: `indexes among /indexes of ${file} (${idx[0]} … ${idx[idx.length - 1]})`, actual: `${p.indexes[0]} … ${p.indexes[p.indexes.length - 1]}` });
    }
    const identity = keep.length === M0 && order.every((j, k) => j === k) && keep.every((k, i) => k === i);
    arrays.diff3d = identity ? frames : indexedFrameSource(frames, Int32Array.from(order));
    const pick = (a: NdArray): NdArray => ndarray('f8', [keep.length], Float64Array.from(keep, (k) => (a.data as Float64Array)[k]!));
    arrays.xcoords = pick(p.arrays.xcoords!);
    arrays.ycoords = pick(p.arrays.ycoords!);
    arrays.probeGuess = p.arrays.probeGuess!;
    arrays._metadata = p.arrays._metadata!;
    mapping.push(
      { field: 'diff3d', from: '/patterns', how: identity ? 'counts as stored, pattern k for position k' : `counts, the pattern whose /indexes entry is the position's probe_position_indexes entry` },
      ...p.mapping.map((m) => ({ ...m, from: `${pc.file}:${m.from}` })),
    );
    if (keep.length < p.indexes.length) notes.push(`${pc.file}: ${p.indexes.length - keep.length} of ${p.indexes.length} positions have no pattern in ${file}; left out`);
    if (order.length < M0) notes.push(`${file}: ${M0 - order.length} of ${M0} patterns have no position in ${pc.file}; left out`);
    return {
      ...base, arrays, mapping, notes: [...notes, ...p.notes], warnings: p.warnings, problems: [],
      contents: [...c.list(), ...pc.list().map((e) => ({ ...e, path: `${pc.file}:${e.path}` }))],
      extras: p.extras,
    };
  },
};
