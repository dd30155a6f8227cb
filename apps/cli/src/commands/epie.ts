/**
 * `ptycho epie --data FILE.npz --out DIR`: classical ePIE / rPIE reconstruction with the scan's
 * known probe (SPEC §1), as a reference for the network and to refine its output (`--init`).
 * Writes the same `reconstruction.npz` contract as `infer` (SPEC §3), amplitude and phase PNGs,
 * and the cost per iteration as `cost.png`.
 */
import type { Command } from 'commander';
import { parseReconstruction } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { EPIE_SETTINGS_DEFAULTS, resolveEpieSettings } from '@ptychojs/pipeline';
import { epieToDir, loadScan } from '@ptychojs/pipeline/node';
import { addScanOptions, fileSettings, memoryBudget, printScanFindings, readingSettings, type ScanFlags } from '../scan-options.js';
import { addFormatOptions, resolveFormats, type FormatFlags } from '../format-options.js';
import { addSettingFlags, flagNames, settingsInput, type SettingFlag } from '../setting-flags.js';
import { createUi, fmt } from '../ui.js';

/** Flag → EpieSettings key; the schema of @ptychojs/pipeline converts, checks and fills defaults. */
const EPIE_FLAGS: readonly SettingFlag[] = [
  { flag: '--iterations <k>', key: 'iterations', help: 'sweeps over all scan positions' },
  { flag: '--alpha <a>', key: 'rpieAlpha', help: "rPIE's α in (0, 1] for the object step (1 = ePIE; smaller = stronger steps where the probe is weak)" },
  { flag: '--probe-update', key: 'probeUpdate', help: 'also refine the probe (written to probe.npz)' },
  { flag: '--probe-alpha <b>', key: 'probeAlpha', help: 'rPIE α of the probe step, in (0, 1]' },
  { flag: '--seed <n>', key: 'seed', help: 'seed of the random position order' },
];

interface EpieFlags extends ScanFlags, FormatFlags { data: string; out: string; init?: string; json?: boolean; quiet?: boolean }

export function registerEpie(program: Command): void {
  const cmd = program
    .command('epie')
    .description('classical ePIE / rPIE reconstruction with the known probe (reference, or refinement of a network\'s output with --init)')
    .requiredOption('--data <file>', 'scan file: raw NPZ (SPEC §3), ptychodus product/diffraction HDF5 or NPZ, CXI (recognised by content)')
    .requiredOption('--out <dir>', 'output directory (reconstruction.npz, reconstruction.json, amplitude.png, phase.png, cost.png)');
  addSettingFlags(cmd, EPIE_FLAGS, EPIE_SETTINGS_DEFAULTS)
    .option('--init <file>', 'start from this reconstruction.npz (e.g. from `ptycho infer`) instead of a flat object');
  addScanOptions(addFormatOptions(cmd))
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: EpieFlags) => {
      const ui = createUi(flags);
      const settings = resolveEpieSettings(settingsInput(flags, EPIE_FLAGS), { names: flagNames(EPIE_FLAGS) });
      const { iterations, rpieAlpha: alpha, probeUpdate, probeAlpha, seed } = settings;
      // The scan is checked for `epie` before anything is written.
      const budget = memoryBudget(flags);
      const scan = await loadScan(flags.data, { command: 'epie', ...readingSettings(flags), ...fileSettings(flags), reporter: ui });
      printScanFindings(ui, scan);
      const out = resolveFormats(flags, scan);
      const { raw } = scan;
      const initialObject = flags.init === undefined ? undefined : parseReconstruction(readNpzFile(flags.init), flags.init);
      ui.info(`ePIE on ${flags.data}: M = ${raw.M} patterns of ${raw.N}×${raw.N}, ${iterations} iterations, α = ${alpha}${probeUpdate ? `, probe update (α = ${probeAlpha})` : ''}, seed ${seed}, start ${flags.init ?? 'flat'}`);
      const res = await epieToDir(scan, flags.out, {
        ...settings, initialObject, initLabel: flags.init, reporter: ui, memoryBudget: budget, ...out,
      });
      const cost = Array.from(res.cost), files = res.files;
      const [H, W] = res.reconstruction.object.shape as [number, number];
      ui.result({ out: flags.out, files, shape: [H, W], canvasOrigin: res.reconstruction.canvasOrigin, iterations, alpha, probeUpdate, seed, cost, finalCost: cost[cost.length - 1], probeScale: res.probeScale, seconds: res.seconds, warnings: scan.warnings });
      ui.info(`wrote ${flags.out}/: ${H}×${W} object, canvas origin (x0, y0) = (${res.reconstruction.canvasOrigin.join(', ')}); cost ${fmt(cost[0]!)} → ${fmt(cost[cost.length - 1]!)} in ${fmt(res.seconds)} s (${fmt(res.seconds / iterations)} s per iteration)`);
    });
}
