/**
 * `ptycho run --data FILE.npz --out DIR`: train + infer + evaluate (if objectGuess) + report.
 */
import path from 'node:path';
import { Command } from 'commander';
import { checkRunOut, loadScan, runPipeline } from '@ptychojs/pipeline/node';
import { selectBackend, type BackendChoice } from '../backend.js';
import { addScanOptions, printScanFindings, trainingScanSettings, type ScanFlags } from '../scan-options.js';
import { addTrainOptions, resolveTrainConfig } from '../train-options.js';
import { interruptOnSignals } from '../interrupt.js';
import { createUi } from '../ui.js';
import { resolveWorkers } from '../workers.js';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('train, reconstruct, evaluate against objectGuess when present, and write report.html')
    .requiredOption('--data <file>', 'raw scan NPZ (SPEC §3)')
    .requiredOption('--out <dir>', 'output directory (train/, recon/, report.html, summary.json)');
  addScanOptions(addTrainOptions(cmd))
    .option('--json', 'print summary.json on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: Record<string, unknown> & ScanFlags) => {
      const ui = createUi(flags as { json?: boolean; quiet?: boolean });
      const config = resolveTrainConfig(flags);
      const out = flags.out as string;
      checkRunOut(out);
      const scan = loadScan(flags.data as string, trainingScanSettings('run', flags, config));
      printScanFindings(ui, scan);
      const backend = await selectBackend(flags.backend as BackendChoice);
      ui.info(`backend: ${backend.name} (${backend.reason})`);
      const workers = resolveWorkers(flags.workers, backend.name, config.batchSize);
      const interrupt = interruptOnSignals(ui);
      let summary;
      try {
        summary = await runPipeline(scan, out, config, { backend, reporter: ui, workers, signal: interrupt.signal });
      } finally {
        interrupt.dispose();
      }
      ui.result(summary);
      ui.info(`done in ${summary.seconds.toFixed(1)} s; report: ${path.resolve(summary.report)}${summary.warnings.length ? ` (${summary.warnings.length} warning${summary.warnings.length > 1 ? 's' : ''} about the data, above and in the report)` : ''}`);
    });
}
