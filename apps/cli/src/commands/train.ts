/**
 * `ptycho train --data FILE.npz --out RUN`: self-supervised training on the scan itself (SPEC §1, §3).
 */
import { Command } from 'commander';
import { metricsTable, type UsableScan } from '@ptychojs/pipeline';
import { checkRunDir, loadScan, reconstructTestScan, trainToRunDir } from '@ptychojs/pipeline/node';
import { runLongCommand } from '../long-command.js';
import { addScanOptions, memoryBudget, printScanFindings, readingSettings, trainingScanSettings, type ScanFlags } from '../scan-options.js';
import { addTrainOptions, resolveInitModelConfig, resolveTrainConfig } from '../train-options.js';
import { createUi } from '../ui.js';

export function registerTrain(program: Command): void {
  const cmd = program
    .command('train')
    .description('train the physics-informed U-Net on a scan (no ground truth needed)')
    .requiredOption('--data <files...>', 'scan files (raw NPZ of SPEC §3, ptychodus product/diffraction HDF5 or NPZ, CXI; recognised by content); several scans taken with the same probe and N train one network together')
    .requiredOption('--out <dir>', 'run directory to create')
    .option('--init-model <dir>', 'start from a pretrained model (ptycho pretrain) and fine-tune it; its U-Net settings are used')
    .option('--test <file>', 'held-out scan NPZ: reconstructed after training into RUN/test/ (and scored when it has objectGuess)');
  addScanOptions(addTrainOptions(cmd))
    .option('--resume', 'continue an interrupted run from its checkpoint')
    .option('--dry-run', 'print the resolved configuration and stop')
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: Record<string, unknown> & ScanFlags) => {
      const ui = createUi(flags as { json?: boolean; quiet?: boolean });
      const initModel = flags.initModel as string | undefined;
      const config = initModel === undefined ? resolveTrainConfig(flags) : resolveInitModelConfig(flags, initModel);
      if (flags.dryRun) {
        ui.result({ config });
        ui.info(JSON.stringify(config, null, 2));
        return;
      }
      const out = flags.out as string;
      checkRunDir(out, Boolean(flags.resume));
      // Both scans are checked before anything is written.
      const budget = memoryBudget(flags);
      const files = flags.data as string[];
      const scans: UsableScan[] = [];
      for (const f of files) scans.push(await loadScan(f, { ...trainingScanSettings('train', flags, config), reporter: ui }));
      const test = flags.test === undefined ? undefined : await loadScan(flags.test as string, { command: 'infer', gridsize: config.gridsize, K: config.K, ...readingSettings(flags), reporter: ui });
      for (const s of scans) printScanFindings(ui, s);
      if (test) printScanFindings(ui, test);
      const { result: res, backend, workers } = await runLongCommand(ui, flags, config.batchSize, (started) => trainToRunDir(scans, config, out, {
        ...started, resume: Boolean(flags.resume), memoryBudget: budget, ...(initModel !== undefined ? { initModel } : {}),
      }));
      let testMetrics: unknown = null, testMetricsAbsent: string | null = null;
      if (test) {
        const t = await reconstructTestScan(out, test, { reporter: ui, backend: backend.name, workers, memoryBudget: budget });
        testMetrics = t.metrics;
        testMetricsAbsent = t.metricsAbsent;
        if (t.metrics) for (const line of metricsTable(t.metrics)) ui.info(line);
        else ui.info(`test metrics absent: ${t.metricsAbsent}`);
      }
      const last = res.history.at(-1);
      ui.result({
        testMetrics, testMetricsAbsent, runDir: out, epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: last?.loss, finalValLoss: last?.valLoss,
        seconds: res.runConfig.seconds, backend: res.runConfig.backend, workers, warnings: scans.flatMap((s) => s.warnings), testWarnings: test?.warnings ?? [],
      });
      ui.info(`wrote ${out}/ (model/, config.json, probe.npz, history.json${res.history.length > 0 ? ', loss.png' : ''}) after ${res.history.length} epoch(s) (stop reason: ${res.runConfig.stopReason}), ${res.runConfig.seconds.toFixed(1)} s`);
    });
}
