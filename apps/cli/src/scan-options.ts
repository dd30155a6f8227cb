/**
 * The options and printing of the one scan check (issue 9) that every command makes before it
 * writes anything: `--diffraction counts|amplitude` (what the diffraction holds; default from its
 * stored dtype), `--strict` (warnings are errors, for pipelines), the files and conventions of
 * formats other than our NPZ (issue 18: `--positions`, `--mask`, `--positions-sign`,
 * `--positions-swap-xy`) and `--memory-budget` (issue 19). The check itself is `checkScan` of
 * @ptychojs/pipeline; the formats are the registry of @ptychojs/io.
 */
import { Option, type Command } from 'commander';
import { DIFFRACTION_KINDS, InputError, type DiffractionKind } from '@ptychojs/io';
import type { RunConfig } from '@ptychojs/model';
import { formatScanIssue, type ScanCheckSettings, type ScanIssueRecord } from '@ptychojs/pipeline';
import { defaultMemoryBudget, type ScanFileOptions } from '@ptychojs/pipeline/node';
import type { Ui } from './ui.js';

/** Flags of the scan check, as commander parses them. */
export interface ScanFlags {
  diffraction?: DiffractionKind;
  layout?: 'auto' | 'mnn' | 'nnm';
  strict?: boolean;
  positions?: string;
  mask?: string;
  positionsSign?: string;
  positionsSwapXy?: boolean;
  memoryBudget?: string;
}

/**
 * Add `--diffraction` and `--layout` (commands that read diffraction), `--strict`, and for commands that read a
 * scan file (`files`) `--positions`, `--mask`, `--positions-sign`, `--positions-swap-xy` and
 * `--memory-budget`.
 */
export function addScanOptions(cmd: Command, { diffraction = true, files = true } = {}): Command {
  if (diffraction) {
    cmd.addOption(new Option('--diffraction <kind>', "what the diffraction array holds: 'counts' (detector counts; their square root is taken) or 'amplitude' (sqrt(counts), SPEC §3) (default: counts for integer dtypes, amplitude for floats)").choices(DIFFRACTION_KINDS));
    cmd.addOption(new Option('--layout <layout>', "how the diffraction array is laid out: 'mnn' (M, N, N), 'nnm' (N, N, M: patterns on the last axis, transposed on reading) or 'auto' (from the shape; an (N, N, N) cube is read as (M, N, N))").choices(['auto', 'mnn', 'nnm']).default('auto'));
  }
  if (files) {
    cmd
      .option('--positions <file>', 'ptychodus product (.h5 or .npz) holding the positions and probe of a diffraction-only file (ptychodus assembled patterns)')
      .option('--mask <file>', "bad-pixel mask (NPY, NPZ or HDF5 'bad_pixels'/'mask', or a CXI detector mask): nonzero = not measured; excluded from the loss, ePIE and the statistics")
      .addOption(new Option('--positions-sign <s>', "sign of CXI translations as probe positions: 1 (ptychodus's reading, default) or -1 (CDTools's)").choices(['1', '-1']))
      .option('--positions-swap-xy', 'swap x and y of CXI translations')
      .option('--memory-budget <size>', "memory for scan frames (e.g. 4G, 512M; default: half of this machine's memory): inference reads frames by batch through a cache of half of it; training and ePIE refuse scans whose frames exceed it");
  }
  return cmd.option('--strict', 'treat warnings about the data as errors (exit 2), for pipelines');
}

/**
 * The check's settings for a training command (`train`, `run`, and `inspect`, which checks as
 * `run`): the configuration's grouping and nphotons (given by a flag or the `--config` file, else
 * undefined: the dose then comes from the data) and the reading flags.
 */
export function trainingScanSettings(command: ScanCheckSettings['command'], flags: ScanFlags, config: RunConfig): ScanCheckSettings & ScanFileOptions {
  return { command, gridsize: config.gridsize, K: config.K, nphotons: config.nphotons, ...readingSettings(flags), ...fileSettings(flags) };
}

/** `--diffraction`, `--layout` and `--strict` as check settings. */
export function readingSettings(flags: ScanFlags): Pick<ScanCheckSettings, 'diffraction' | 'layout' | 'strict'> {
  return { ...(flags.diffraction ? { diffraction: flags.diffraction } : {}), ...(flags.layout ? { layout: flags.layout } : {}), strict: Boolean(flags.strict) };
}

/** `--positions`, `--mask`, `--positions-sign`, `--positions-swap-xy` as file options. */
export function fileSettings(flags: ScanFlags): ScanFileOptions {
  return {
    ...(flags.positions ? { positions: flags.positions } : {}),
    ...(flags.mask ? { maskFile: flags.mask } : {}),
    ...(flags.positionsSign ? { positionsSign: Number(flags.positionsSign) as 1 | -1 } : {}),
    ...(flags.positionsSwapXy ? { positionsSwapXY: true } : {}),
  };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, mib: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30, t: 2 ** 40, tb: 2 ** 40, tib: 2 ** 40 };

/**
 * `--memory-budget` in bytes: a number with an optional unit (K, M, G, T, binary; `4G`, `512MiB`,
 * `1.5g`, `1073741824`), or the default, half of this machine's memory.
 * @throws InputError for anything else, or less than 16 MiB
 */
export function memoryBudget(flags: ScanFlags): number {
  if (flags.memoryBudget === undefined) return defaultMemoryBudget();
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*$/i.exec(flags.memoryBudget);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 16 * 2 ** 20)) {
    throw new InputError('memory budget must be a size of at least 16M', { key: '--memory-budget', expected: 'a size such as 4G, 512M or 1073741824 (bytes)', actual: flags.memoryBudget });
  }
  return bytes;
}

/** Print what a check found: each warning with its fix (always, on stderr), then each note. */
export function printScanFindings(ui: Ui, found: { readonly warnings: readonly ScanIssueRecord[]; readonly notes?: readonly string[] }): void {
  for (const w of found.warnings) ui.warn(formatScanIssue(w));
  for (const n of found.notes ?? []) ui.info(`note: ${n}`);
}
