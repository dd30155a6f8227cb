/**
 * The options and printing of the one scan check (issue 9) that every command makes before it
 * writes anything: `--diffraction counts|amplitude` (what the diffraction holds; default from its
 * stored dtype) and `--strict` (warnings are errors, for pipelines). The check itself is
 * `checkScan` of @ptychojs/pipeline.
 */
import { Option, type Command } from 'commander';
import type { RunConfig } from '@ptychojs/model';
import { formatScanIssue, type ScanCheckSettings, type ScanIssueRecord } from '@ptychojs/pipeline';
import type { Ui } from './ui.js';

/** Flags of the scan check, as commander parses them. */
export interface ScanFlags { diffraction?: 'counts' | 'amplitude'; layout?: 'auto' | 'mnn' | 'nnm'; strict?: boolean }

/** Add `--diffraction` and `--layout` (commands that read diffraction) and `--strict`. */
export function addScanOptions(cmd: Command, { diffraction = true } = {}): Command {
  if (diffraction) {
    cmd.addOption(new Option('--diffraction <kind>', "what the diffraction array holds: 'counts' (detector counts; their square root is taken) or 'amplitude' (sqrt(counts), SPEC §3) (default: counts for integer dtypes, amplitude for floats)").choices(['counts', 'amplitude']));
    cmd.addOption(new Option('--layout <layout>', "how the diffraction array is laid out: 'mnn' (M, N, N), 'nnm' (N, N, M: patterns on the last axis, transposed on reading) or 'auto' (from the shape; an (N, N, N) cube is read as (M, N, N))").choices(['auto', 'mnn', 'nnm']).default('auto'));
  }
  return cmd.option('--strict', 'treat warnings about the data as errors (exit 2), for pipelines');
}

/**
 * The check's settings for a training command (`train`, `run`, and `inspect`, which checks as
 * `run`): the configuration's grouping and nphotons (given by a flag or the `--config` file, else
 * undefined: the dose then comes from the data) and the reading flags.
 */
export function trainingScanSettings(command: ScanCheckSettings['command'], flags: ScanFlags, config: RunConfig): ScanCheckSettings {
  return { command, gridsize: config.gridsize, K: config.K, nphotons: config.nphotons, ...readingSettings(flags) };
}

/** `--diffraction`, `--layout` and `--strict` as check settings. */
export function readingSettings(flags: ScanFlags): Pick<ScanCheckSettings, 'diffraction' | 'layout' | 'strict'> {
  return { ...(flags.diffraction ? { diffraction: flags.diffraction } : {}), ...(flags.layout ? { layout: flags.layout } : {}), strict: Boolean(flags.strict) };
}

/** Print what a check found: each warning with its fix (always, on stderr), then each note. */
export function printScanFindings(ui: Ui, found: { readonly warnings: readonly ScanIssueRecord[]; readonly notes?: readonly string[] }): void {
  for (const w of found.warnings) ui.warn(formatScanIssue(w));
  for (const n of found.notes ?? []) ui.info(`note: ${n}`);
}
