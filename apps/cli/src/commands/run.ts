/**
 * `ptycho run --data FILE.npz --out DIR`: train + infer + evaluate (if objectGuess) + report.
 */
import path from 'node:path';
import { Command } from 'commander';
import { assertCompatible, EPIE_SETTINGS_DEFAULTS, resolveEpieSettings } from '@ptychojs/pipeline';
import { checkRunOut, loadScan, modelCompatibility, runPipeline } from '@ptychojs/pipeline/node';
import { printCompatibility } from '../compatibility.js';
import { runLongCommand } from '../long-command.js';
import { addScanOptions, memoryBudget, printScanFindings, trainingScanSettings, type ScanFlags } from '../scan-options.js';
import { addTrainOptions, resolveInitModelConfig, resolveTrainConfig } from '../train-options.js';
import { addFormatOptions, resolveFormats, type FormatFlags } from '../format-options.js';
import { createUi } from '../ui.js';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('train, reconstruct, evaluate against objectGuess when present, and write report.html')
    .requiredOption('--data <file>', 'scan file: raw NPZ (SPEC §3), ptychodus product/diffraction HDF5 or NPZ, CXI (recognised by content)')
    .requiredOption('--out <dir>', 'output directory (train/, recon/, report.html, summary.json)');
  addScanOptions(addFormatOptions(addTrainOptions(cmd)))
    .option('--refine <k>', "then refine the network's object with K ePIE iterations (same probe and scan) into refined/")
    .option('--compare-epie [k]', `also run ePIE from a flat object into epie/ (K iterations, default ${EPIE_SETTINGS_DEFAULTS.iterations})`)
    .option('--epie-alpha <a>', `rPIE α in (0, 1] of --refine and --compare-epie (1 = ePIE; default ${EPIE_SETTINGS_DEFAULTS.rpieAlpha})`)
    .option('--no-half-scan', 'skip the half-scan FRC (it reconstructs each method once more from two halves of the scan)')
    .option('--init-model <dir>', 'start from a pretrained model (ptycho pretrain): it reconstructs the scan as it is into pretrained/, then is fine-tuned on the scan (--epochs 0: not at all); its U-Net settings are used')
    .option('--force', "with --init-model: go on when the model's probe does not fit the scan (the compatibility check then only warns)")
    .option('--json', 'print summary.json on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: Record<string, unknown> & ScanFlags) => {
      const ui = createUi(flags as { json?: boolean; quiet?: boolean });
      const initModel = flags.initModel as string | undefined;
      const config = initModel === undefined ? resolveTrainConfig(flags) : resolveInitModelConfig(flags, initModel);
      // --refine and --compare-epie are ePIE's iterations, --epie-alpha its α: ePIE's schema checks each, naming the flag.
      const iterationsOf = (flag: '--refine' | '--compare-epie', v: unknown) => resolveEpieSettings({ iterations: v === true ? undefined : v }, { names: { iterations: flag } }).iterations;
      const refineIterations = flags.refine === undefined ? undefined : iterationsOf('--refine', flags.refine);
      const epieIterations = flags.compareEpie === undefined ? undefined : iterationsOf('--compare-epie', flags.compareEpie);
      const epieAlpha = resolveEpieSettings({ rpieAlpha: flags.epieAlpha }, { names: { rpieAlpha: '--epie-alpha' } }).rpieAlpha;
      const out = flags.out as string;
      checkRunOut(out);
      const budget = memoryBudget(flags);
      const scan = await loadScan(flags.data as string, { ...trainingScanSettings('run', flags, config), reporter: ui });
      printScanFindings(ui, scan);
      const formats = resolveFormats(flags as FormatFlags, scan);
      if (initModel !== undefined) {
        // The pretrained model is checked against the scan before anything is written (issue 15).
        const { compatibility } = modelCompatibility(initModel, scan.raw, config.nphotons);
        printCompatibility(ui, compatibility, Boolean(flags.force));
        if (!flags.force) assertCompatible(compatibility, initModel, flags.data as string);
      }
      const { result: summary } = await runLongCommand(ui, flags, config.batchSize, (started) => runPipeline(scan, out, config, {
        ...started, refineIterations, epieIterations, epieAlpha, halfScan: flags.halfScan !== false,
        memoryBudget: budget, ...formats, ...(initModel !== undefined ? { initModel } : {}),
      }));
      ui.result(summary);
      ui.info(`done in ${summary.seconds.toFixed(1)} s; report: ${path.resolve(summary.report)}${summary.warnings.length ? ` (${summary.warnings.length} warning${summary.warnings.length > 1 ? 's' : ''} about the data, above and in the report)` : ''}`);
    });
}
