import { defaultDiffractionKind, diffractionLayout, numpyDtypeName, toFloat64Array, type NdArray } from '@ptychojs/io';
import { readNpzFile, uniformNpzMember, type UniformMember } from '@ptychojs/io/node';
import { uniformDiffractionProblem } from '@ptychojs/grouping';
import { checkScan, type ScanCheck, type ScanCheckSettings } from '../check-scan.js';
import type { DiffractionReading } from '../types.js';

/** A diffraction member at least this large is first streamed for a single value throughout (issue 19). */
export const UNIFORM_CHECK_BYTES = 256 * 1024 * 1024;

/** What {@link checkScanFile} read and found. */
export interface ScanFileCheck {
  readonly check: ScanCheck;
  /** The arrays the check was made on (without the diffraction when it was refused from a stream). */
  readonly arrays: Readonly<Record<string, NdArray>>;
  /** Every array of the file: key, shape and numpy's name of its stored dtype (for listings). */
  readonly keys: readonly { key: string; shape: number[]; dtype: string }[];
}

/** Options of {@link checkScanFile}. */
export interface CheckScanFileOptions {
  /** Stream-check diffraction members of at least this many bytes before reading them (default {@link UNIFORM_CHECK_BYTES}). */
  readonly uniformCheckBytes?: number;
}

/**
 * Read a scan file and make the one check of it ({@link checkScan}) that `inspect` shows and every
 * command makes before it writes anything. A diffraction member of `uniformCheckBytes` or more is
 * first streamed in bounded memory (`uniformNpzMember`: ranges for a stored member, zlib for a
 * deflated one), stopping at the first value that differs from the first — for real data, within
 * the first megabytes; one that holds a single value throughout (all zero, a flag value) is
 * refused from the stream, with the problem `assessScan` gives the same data, instead of being
 * read whole: a 4 GiB all-zero member in seconds, not minutes and gigabytes. The other checks are
 * then not made (a note says so): the data hold no measurement whatever they say.
 *
 * @throws InputError naming the file for unreadable files and bad archives
 */
export async function checkScanFile(file: string, settings: ScanCheckSettings, opts: CheckScanFileOptions = {}): Promise<ScanFileCheck> {
  const early = await uniformDiffraction(file, opts.uniformCheckBytes ?? UNIFORM_CHECK_BYTES);
  if (early?.uniform) {
    const refused = refuseUniform(file, settings, early, early.uniform);
    if (refused) return refused;
  }
  const arrays = readNpzFile(file);
  return { check: checkScan(arrays, file, settings), arrays, keys: listing(arrays) };
}

/** The diffraction member's stream check, when the file has exactly one of diff3d/diffraction and it is large. */
async function uniformDiffraction(file: string, minBytes: number): Promise<UniformMember | undefined> {
  for (const key of ['diff3d', 'diffraction']) {
    const u = await uniformNpzMember(file, key, { minBytes });
    if (u !== undefined) return u.keys.includes(key === 'diff3d' ? 'diffraction' : 'diff3d') ? undefined : u;
  }
  return undefined;
}

function refuseUniform(file: string, settings: ScanCheckSettings, u: UniformMember, one: NdArray): ScanFileCheck | undefined {
  const read = diffractionLayout(u.shape, settings.layout);
  if (read === undefined || !['f', 'i', 'u'].includes(one.dtype[0]!)) return undefined; // the full check explains the shape or dtype
  const diffraction: DiffractionReading = settings.diffraction !== undefined ? { kind: settings.diffraction, stated: true } : { kind: defaultDiffractionKind(one), stated: false };
  // Named as the file holds it (the stored value, float32 as read), whichever way it would be read.
  const stored = Math.fround(toFloat64Array(one)[0]!);
  const dtype = numpyDtypeName(one);
  const problem = uniformDiffractionProblem({ file, key: u.key, M: read.M }, stored, dtype, 'amplitude');
  const arrays = readNpzFile(file, { keys: u.keys.filter((k) => k !== u.key) });
  const note = `${file}: '${u.key}' (${u.shape.join(', ')}) ${dtype} was streamed before reading it into memory (${(u.scannedBytes / 2 ** 30).toFixed(2)} GiB ${u.deflated ? 'inflated' : 'read'}) and holds one value throughout; the scan's other checks were not made`;
  const check: ScanCheck = { file, command: settings.command, diffraction, notes: [note], problems: [problem], warnings: [] };
  const keys = listing(arrays);
  keys.splice(u.keys.indexOf(u.key), 0, { key: u.key, shape: [...u.shape], dtype });
  return { check, arrays, keys };
}

function listing(arrays: Readonly<Record<string, NdArray>>): { key: string; shape: number[]; dtype: string }[] {
  return Object.entries(arrays).map(([key, a]) => ({ key, shape: [...a.shape], dtype: numpyDtypeName(a) }));
}
