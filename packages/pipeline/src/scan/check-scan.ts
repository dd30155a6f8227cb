import { checkRawData, defaultDiffractionKind, type DiffractionKind, type DiffractionLayout, type DiffractionStats, type FieldMapping, type FrameSource, type NdArray, type ScanData, type ScanSource, type ContainerEntry } from '@ptychojs/io';
import { assessScan } from './assess-scan.js';
import type { ScanAssessment, ScanNeeds } from './assess/types.js';
import { scanIssue, type ScanIssue } from './scan-issue.js';
import { strictProblem } from './strict-problem.js';
import type { DiffractionReading, ScanProblem } from '../types.js';

/** The `ptycho` command a scan is checked for (SPEC §1); `inspect` checks as `run` would. */
export type ScanCommand = 'inspect' | 'train' | 'infer' | 'run' | 'evaluate' | 'simulate' | 'epie';

/**
 * What each command needs of a scan, the one table from commands to what `assessScan` checks:
 * `inspect` needs what `run` needs, so it reports exactly what `run` refuses. A new command that
 * reads a scan adds its row here.
 */
export const SCAN_NEEDS: Readonly<Record<ScanCommand, ScanNeeds>> = {
  inspect: { diffraction: true, grouping: true, evaluation: 'reported', simulation: false },
  train: { diffraction: true, grouping: true, evaluation: 'none', simulation: false },
  infer: { diffraction: true, grouping: true, evaluation: 'none', simulation: false },
  run: { diffraction: true, grouping: true, evaluation: 'reported', simulation: false },
  evaluate: { diffraction: false, grouping: false, evaluation: 'required', simulation: false },
  simulate: { diffraction: false, grouping: false, evaluation: 'none', simulation: true },
  epie: { diffraction: true, grouping: false, evaluation: 'none', simulation: false },
};

/** The command and settings a scan is checked for ({@link checkScan}), as the user gave them. */
export interface ScanCheckSettings {
  readonly command: ScanCommand;
  /** Group side, C = gridsize² (grouping commands; default 2, SPEC §3). */
  readonly gridsize?: number;
  /** Neighbour pool (default 6). */
  readonly K?: number;
  /**
   * The run's photons per pattern when the user gave it (`--nphotons` or the config file), compared
   * with the measured dose and `_metadata.nphotons`. Without it a run takes the dose from the data
   * (`resolveDose`), so there is nothing to compare.
   */
  readonly nphotons?: number | undefined;
  /** What the diffraction holds, when the user said (`--diffraction`); else from the stored dtype (`defaultDiffractionKind`). */
  readonly diffraction?: DiffractionKind;
  /** How the diffraction array is laid out, when the user said (`--layout`); default `'auto'` (from its shape, `checkRawData`). */
  readonly layout?: DiffractionLayout;
  /** Warnings are problems (`--strict`, for pipelines). */
  readonly strict?: boolean;
  /** A bad-pixel mask from another file (`--mask FILE`), and where it came from. */
  readonly mask?: { readonly mask: NdArray; readonly from: string };
  /**
   * Gather the statistics from a sample of about this many bytes of frames when the scan holds
   * more (`inspect`'s quick look; see `checkRawData`'s `sampleBytes`). Commands that reconstruct
   * read every frame.
   */
  readonly sampleBytes?: number;
  /** Progress of the pass over the frames. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Result of {@link checkScan}. */
export interface ScanCheck {
  readonly file: string;
  readonly command: ScanCommand;
  /** The reader of the registry that read the file, and the format in words. */
  readonly reader: { readonly name: string; readonly format: string };
  /** How each SPEC §3 field was obtained from the file. */
  readonly mapping: readonly FieldMapping[];
  /** Every array of the file (and of `--positions`), from headers only. */
  readonly contents: readonly ContainerEntry[];
  /** The scan as read (its frames by range), when it meets the SPEC §3 contract. */
  readonly raw?: ScanData;
  /** Every reason the command cannot run: contract problems, else `assessScan`'s. Empty = usable. */
  readonly problems: readonly ScanProblem[];
  /** Data that parse but look wrong, each with its fix (the reader's and `assessScan`'s). */
  readonly warnings: readonly ScanIssue[];
  /** What the reader chose, conversions on reading, aliases, unused keys (`checkRawData`). */
  readonly notes: readonly string[];
  readonly diffraction: DiffractionReading;
  /** `assessScan`'s result (evaluation box or why metrics are absent, stats), when the contract holds. */
  readonly assessment?: ScanAssessment;
  /** The diffraction statistics of the check's pass (a sample when `sampleBytes` asked for one). */
  readonly stats?: DiffractionStats;
  /** Arrays of the file a writer keeps (a ptychodus probe's other modes), see `ScanSource.extras`. */
  readonly extras?: Readonly<Record<string, NdArray>>;
}

/**
 * The one check of a scan before any command works on it (issue 9), browser-safe: `inspect` shows
 * exactly what `train`, `infer`, `run`, `epie` and `simulate` refuse, because all of them call this.
 * Takes a scan as a reader of the registry mapped it (`openScanFile`, `openScanSource`,
 * `memoryScanSource`), its frames still in the file. Reads the diffraction as the user said
 * (`diffraction`) or as its stored dtype suggests (integers are counts: `defaultDiffractionKind`),
 * checks the SPEC §3 contract (`checkRawData`: keys, shapes, dtypes, the mask, and NaN and
 * negatives in one bounded pass over the frames that gathers the statistics too) and, when it
 * holds, whether the scan is usable for what the command needs of it ({@link SCAN_NEEDS}) and
 * plausible (`assessScan`, on those statistics). The reader's problems are contract problems, its
 * warnings are warnings. A contract problem stops there, so no assessment follows falsely from it.
 */
export function checkScan(source: ScanSource, settings: ScanCheckSettings): ScanCheck {
  const { command } = settings;
  const file = source.file;
  const stored = own(source.arrays, 'diff3d') ?? own(source.arrays, 'diffraction');
  const diffraction: DiffractionReading = settings.diffraction !== undefined
    ? { kind: settings.diffraction, stated: true }
    : { kind: stored ? defaultDiffractionKind(stored) : 'amplitude', stated: false };
  const contract = checkRawData(source.arrays, file, {
    diffraction: diffraction.kind,
    ...(settings.layout ? { layout: settings.layout } : {}),
    ...(settings.mask ? { badPixels: settings.mask.mask, badPixelsSource: settings.mask.from } : {}),
    ...(settings.sampleBytes !== undefined ? { sampleBytes: settings.sampleBytes } : {}),
    ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
  });
  const readerWarnings: ScanIssue[] = source.warnings.map((w) => scanIssue(file, 'reader-geometry', w.key, w.what, w.expected, w.actual, w.fix));
  const base = {
    file, command, diffraction, notes: [...source.notes, ...contract.notes],
    reader: { name: source.reader, format: source.format }, mapping: source.mapping, contents: source.contents,
    ...(contract.stats ? { stats: contract.stats } : {}), ...(source.extras ? { extras: source.extras } : {}),
  };
  const problems: ScanProblem[] = [...source.problems, ...contract.problems].map((message) => ({ code: 'contract' as const, message, file }));
  if (!contract.scan || problems.length > 0) {
    return { ...base, problems, warnings: readerWarnings };
  }
  const assessment = assessScan({ ...contract.scan, diffractionStats: contract.stats! }, { needs: SCAN_NEEDS[command], gridsize: settings.gridsize, K: settings.K, nphotons: settings.nphotons, strict: settings.strict, diffraction });
  const strictReader = settings.strict ? readerWarnings.map(strictProblem) : [];
  return {
    ...base, raw: contract.scan,
    problems: [...strictReader, ...assessment.problems],
    warnings: settings.strict ? assessment.warnings : [...readerWarnings, ...assessment.warnings],
    assessment,
  };
}

function own(arrays: Readonly<Record<string, NdArray | FrameSource>>, key: string): NdArray | FrameSource | undefined {
  return Object.prototype.hasOwnProperty.call(arrays, key) ? arrays[key] : undefined;
}
