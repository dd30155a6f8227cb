import { openScanFile, readMaskFile } from '@ptychojs/io/node';
import { checkScan, type ScanCheck, type ScanCheckSettings } from '../check-scan.js';
import type { Progress, Reporter } from '../reporter.js';

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
}

/**
 * Open a scan file of any format of the registry (by content) and check it for a command
 * ({@link checkScan}): frames stay in the file, read once in a bounded pass (or a sample of them,
 * `sampleBytes`). The scan keeps the file open for later reads of its frames.
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
    const { mask: _, maskFile: __, reporter, ...rest } = settings;
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
