import { defaultDiffractionKind, diffractionLayout, numpyDtypeName, toFloat64Array, type FrameSource, type NdArray, type ScanSource } from '@ptychojs/io';
import { openScanFile, readMaskFile, uniformNpzMember, type UniformMember } from '@ptychojs/io/node';
import { checkScan, type ScanCheck, type ScanCheckSettings } from '../scan/check-scan.js';
import { uniformDiffractionProblem } from '../scan/uniform-diffraction-problem.js';
import type { Progress, Reporter } from '../reporter.js';
import type { DiffractionReading } from '../types.js';

/** A diffraction NPZ member at least this large is first streamed for a single value throughout (issue 19). */
export const UNIFORM_CHECK_BYTES = 256 * 1024 * 1024;

/** The files and conventions of a scan besides the file itself (`--positions`, `--mask`, CXI signs). */
export interface ScanFileOptions {
  /** A ptychodus product with the positions and probe, for a diffraction-only file. */
  readonly positions?: string;
  /** A bad-pixel mask file (NPY, NPZ, HDF5; nonzero = not measured), combined with the file's own. */
  readonly maskFile?: string;
  /** CXI translations as probe positions with this sign (default +1, ptychodus's reading). */
  readonly positionsSign?: 1 | -1;
  /** Swap x and y of CXI translations. */
  readonly positionsSwapXY?: boolean;
  /** Where a progress bar goes while the frames are read (shown for passes of ≥ 256 MiB). */
  readonly reporter?: Reporter;
  /** Stream-check NPZ diffraction members of at least this many bytes for one value throughout before the pass (default {@link UNIFORM_CHECK_BYTES}). */
  readonly uniformCheckBytes?: number;
}

/**
 * Open a scan file of any format of the registry (by content) and check it for a command
 * ({@link checkScan}): frames stay in the file, read once in a bounded pass (or a sample of them,
 * `sampleBytes`). The scan keeps the file open for later reads of its frames.
 *
 * Before the pass, an NPZ diffraction member of `uniformCheckBytes` or more is streamed
 * (`uniformNpzMember`: ranges for a stored member, native zlib for a deflated one, a few MiB of
 * memory), stopping at the first value that differs from the first — for real data, within the
 * first chunk; one that holds a single value throughout (all zero, a flag value) is refused with
 * the problem `assessScan` gives such data, and the pass is not made: a 4 GiB all-zero member
 * deflated in an 8 MB file is refused in seconds (issue 19). The other checks are then not made
 * (a note says so): the data hold no measurement whatever they say.
 *
 * @throws InputError naming the file: unreadable, unknown format, a required field missing
 */
export async function checkScanFile(file: string, settings: ScanCheckSettings & ScanFileOptions): Promise<ScanCheck> {
  const mask = settings.maskFile ? await readMaskFile(settings.maskFile) : settings.mask;
  const source = await openScanFile(file, {
    ...(settings.positions ? { positions: settings.positions } : {}),
    ...(settings.positionsSign ? { positionsSign: settings.positionsSign } : {}),
    ...(settings.positionsSwapXY ? { positionsSwapXY: true } : {}),
  });
  try {
    const early = await uniformRefusal(source, settings);
    if (early) { source.close(); return early; }
    const { mask: _, maskFile: __, reporter, uniformCheckBytes: ___, ...rest } = settings;
    const frames = source.arrays.diff3d ?? source.arrays.diffraction;
    const big = frames !== undefined && 'readRows' in frames && frames.bytes >= 256 * 2 ** 20;
    let bar: Progress | undefined;
    const onProgress = reporter && big ? (done: number, total: number) => { bar ??= reporter.progress('reading frames', total, 'frames'); bar.update(done); } : undefined;
    try {
      return checkScan(source, { ...rest, ...(mask ? { mask } : {}), ...(onProgress ? { onProgress } : {}) });
    } finally {
      bar?.stop();
    }
  } catch (e) {
    source.close();
    throw e;
  }
}

/** The check of a scan whose NPZ diffraction member holds one value throughout, from a stream; undefined otherwise. */
async function uniformRefusal(source: ScanSource, settings: ScanCheckSettings & ScanFileOptions): Promise<ScanCheck | undefined> {
  const minBytes = settings.uniformCheckBytes ?? UNIFORM_CHECK_BYTES;
  if (source.reader !== 'npz') return undefined;
  const keys = ['diff3d', 'diffraction'].filter((k) => Object.prototype.hasOwnProperty.call(source.arrays, k));
  if (keys.length !== 1) return undefined; // none, or both: the full check says which
  const frames = source.arrays[keys[0]!] as NdArray | FrameSource;
  if (!('readRows' in frames) || frames.bytes < minBytes) return undefined;
  const u: UniformMember | undefined = await uniformNpzMember(source.file, keys[0]!, { minBytes });
  if (!u?.uniform || !['f', 'i', 'u'].includes(u.uniform.dtype[0]!)) return undefined;
  const read = diffractionLayout(u.shape, settings.layout);
  if (read === undefined) return undefined; // the full check explains the shape
  const diffraction: DiffractionReading = settings.diffraction !== undefined ? { kind: settings.diffraction, stated: true } : { kind: defaultDiffractionKind(u.uniform), stated: false };
  // Named as the file holds it (the stored value, float32 as read), whichever way it would be read.
  const stored = Math.fround(toFloat64Array(u.uniform)[0]!);
  const dtype = numpyDtypeName(u.uniform);
  const problem = uniformDiffractionProblem({ file: source.file, key: u.key, M: read.M }, stored, dtype, 'amplitude');
  const note = `${source.file}: '${u.key}' (${u.shape.join(', ')}) ${dtype} was streamed before the pass over its frames (${(u.scannedBytes / 2 ** 30).toFixed(2)} GiB ${u.deflated ? 'inflated' : 'read'}) and holds one value throughout; the scan's other checks were not made`;
  return {
    file: source.file, command: settings.command, reader: { name: source.reader, format: source.format }, mapping: source.mapping, contents: source.contents,
    diffraction, notes: [...source.notes, note], problems: [problem], warnings: [],
  };
}
