/**
 * `ptycho train --data FILE.npz --out RUN`: self-supervised training on the scan itself (SPEC §1, §3).
 */
import { Command } from 'commander';
import path from 'node:path';
import { loadRawData } from '@ptychojs/io/node';
import { scanBoxFromPositions } from '@ptychojs/metrics';
import { selectBackend, type BackendChoice } from '../backend.js';
import { addTrainOptions, resolveTrainConfig } from '../pipeline/train-options.js';
import { checkRunDir, trainToRunDir } from '../pipeline/training.js';
import { evaluateAndWrite, formatMetrics } from '../pipeline/evaluation.js';
import { inferToDir } from '../pipeline/inference.js';
import { createUi } from '../ui.js';

export function registerTrain(program: Command): void {
  const cmd = program
    .command('train')
    .description('train the physics-informed U-Net on a scan (no ground truth needed)')
    .requiredOption('--data <file>', 'raw scan NPZ (SPEC §3)')
    .requiredOption('--out <dir>', 'run directory to create')
    .option('--test <file>', 'held-out scan NPZ: reconstructed after training into RUN/test/ (and scored when it has objectGuess)');
  addTrainOptions(cmd)
    .option('--resume', 'continue an interrupted run from its checkpoint')
    .option('--dry-run', 'print the resolved configuration and stop')
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: Record<string, unknown>) => {
      const ui = createUi(flags as { json?: boolean; quiet?: boolean });
      const config = resolveTrainConfig(flags);
      if (flags.dryRun) {
        ui.result({ config });
        ui.info(JSON.stringify(config, null, 2));
        return;
      }
      const out = flags.out as string;
      checkRunDir(out, Boolean(flags.resume));
      const raw = loadRawData(flags.data as string);
      const test = flags.test === undefined ? undefined : loadRawData(flags.test as string);
      const backend = await selectBackend(flags.backend as BackendChoice);
      ui.info(`backend: ${backend.name} (${backend.reason})`);
      const res = await trainToRunDir(raw, config, out, { backend, resume: Boolean(flags.resume), ui });
      let testMetrics: unknown = null;
      if (test) {
        const testDir = path.join(out, 'test');
        const rec = await inferToDir(out, test, testDir, { batchSize: 64, ui, backend: backend.name });
        ui.info(`test scan ${test.source} reconstructed into ${testDir}/`);
        if (test.objectGuess) {
          const ev = evaluateAndWrite(rec.reconstruction, { object: test.objectGuess, scanBox: scanBoxFromPositions(test.xcoords, test.ycoords) }, testDir);
          testMetrics = ev.result.metrics;
          for (const line of formatMetrics(ev.result.metrics)) ui.info(line);
        }
      }
      const last = res.history.at(-1);
      ui.result({ testMetrics, runDir: out, epochs: res.history.length, stopReason: res.runConfig.stopReason, finalLoss: last?.loss, finalValLoss: last?.valLoss, seconds: res.runConfig.seconds, backend: res.runConfig.backend });
      ui.info(`wrote ${out}/ (model/, config.json, probe.npz, history.json, loss.png) after ${res.history.length} epoch(s), ${res.runConfig.stopReason}; ${res.runConfig.seconds.toFixed(1)} s`);
    });
}
