/**
 * `ptycho infer --model RUN --data FILE.npz --out DIR`: reconstruct and stitch (SPEC §1, §3, §4).
 */
import type { Command } from 'commander';
import { assertCompatible, INFERENCE_SETTINGS_DEFAULTS, resolveInferenceSettings } from '@ptychojs/pipeline';
import { inferToDir, loadScan, modelCompatibility, readRunDirConfig } from '@ptychojs/pipeline/node';
import { BACKEND_CHOICES, selectBackend, type BackendChoice } from '../backend.js';
import { addScanOptions, fileSettings, memoryBudget, printScanFindings, readingSettings, type ScanFlags } from '../scan-options.js';
import { addFormatOptions, resolveFormats, type FormatFlags } from '../format-options.js';
import { printCompatibility } from '../compatibility.js';
import { addSettingFlags, flagNames, settingsInput, type SettingFlag } from '../setting-flags.js';
import { createUi } from '../ui.js';
import { resolveWorkers, WORKERS_FLAG, WORKERS_HELP } from '../workers.js';

/** Flag → InferenceSettings key; the schema of @ptychojs/pipeline converts, checks and fills defaults. */
const INFER_FLAGS: readonly SettingFlag[] = [
  { flag: '--batch-size <b>', key: 'batchSize', help: 'groups per forward pass (bounds memory)' },
];

interface InferFlags extends ScanFlags, FormatFlags { model: string; data: string; out: string; backend: string; workers?: string; force?: boolean; json?: boolean; quiet?: boolean }

export function registerInfer(program: Command): void {
  const cmd = program
    .command('infer')
    .description('reconstruct a scan with a trained model and stitch the patches into one object')
    .requiredOption('--model <dir>', 'run directory written by `ptycho train`')
    .requiredOption('--data <file>', 'scan file: raw NPZ (SPEC §3), ptychodus product/diffraction HDF5 or NPZ, CXI (recognised by content)')
    .requiredOption('--out <dir>', 'output directory (reconstruction.npz, reconstruction.json, amplitude.png, phase.png)');
  addSettingFlags(cmd, INFER_FLAGS, INFERENCE_SETTINGS_DEFAULTS)
    .option('--backend <name>', BACKEND_CHOICES.join('|'), 'auto')
    .option(WORKERS_FLAG, WORKERS_HELP)
    .option('--force', "reconstruct even when the model's probe or pattern size does not fit the scan (the compatibility check then only warns)");
  addScanOptions(addFormatOptions(cmd))
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: InferFlags) => {
      const ui = createUi(flags);
      const { batchSize } = resolveInferenceSettings(settingsInput(flags, INFER_FLAGS), { names: flagNames(INFER_FLAGS) });
      // The scan is checked for the model's grouping before anything is written.
      const rc = readRunDirConfig(flags.model);
      const budget = memoryBudget(flags);
      const scan = await loadScan(flags.data, { command: 'infer', gridsize: rc.config.gridsize, K: rc.config.K, ...readingSettings(flags), ...fileSettings(flags), reporter: ui });
      printScanFindings(ui, scan);
      const out = resolveFormats(flags, scan);
      // The model is checked against the scan before anything is written (issue 15).
      const { compatibility } = modelCompatibility(flags.model, scan.raw);
      printCompatibility(ui, compatibility, Boolean(flags.force));
      if (!flags.force) assertCompatible(compatibility, flags.model, flags.data);
      const backend = await selectBackend(flags.backend as BackendChoice);
      ui.info(`backend: ${backend.name} (${backend.reason})`);
      const workers = resolveWorkers(flags.workers, backend.name, Infinity);
      const res = await inferToDir(flags.model, scan, flags.out, { batchSize, reporter: ui, backend: backend.name, workers, memoryBudget: budget, ...out });
      const [H, W] = res.reconstruction.object.shape;
      const groupsPerSec = res.groups / Math.max(res.seconds.inference, 1e-9);
      ui.result({ out: flags.out, compatibility, files: res.files, shape: [H, W], canvasOrigin: res.reconstruction.canvasOrigin, groups: res.groups, seconds: res.seconds, groupsPerSec, workers, warnings: scan.warnings });
      ui.info(`wrote ${flags.out}/: ${H}×${W} object, canvas origin (x0, y0) = (${res.reconstruction.canvasOrigin.join(', ')}); ${res.groups} groups at ${groupsPerSec.toFixed(1)} groups/s, stitching ${res.seconds.stitching.toFixed(2)} s`);
    });
}
