/**
 * `ptycho demo`: the embedded default. Simulates a scan (PtychoPINN's lines object, a wide default
 * probe, jittered grid, Poisson noise), reconstructs it with the shipped pretrained model
 * (`models/demo/`, made by `npm run pretrain:demo`) as it is, fine-tunes it, refines with ePIE and
 * runs ePIE beside it, in under 3 minutes on a 2-core CPU; prints the metrics and where the report
 * is. Settings: `DEMO` of @ptychojs/pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { demoRunConfig, RUN_FILES } from '@ptychojs/pipeline';
import { checkRunOut, readRunDirConfig, runDemo } from '@ptychojs/pipeline/node';
import { BACKEND_CHOICES } from '../backend.js';
import { runLongCommand } from '../long-command.js';
import { createUi } from '../ui.js';
import { WORKERS_FLAG, WORKERS_HELP } from '../workers.js';

/** The demo's pretrained model: `models/demo/` of this package (dist/commands → ../../models/demo). */
const DEMO_MODEL = path.resolve(import.meta.dirname, '../../models/demo');

interface DemoFlags { out?: string; seed: string; backend: string; workers?: string; json?: boolean; quiet?: boolean }

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('simulate a scan and run the whole pipeline on it (under 3 minutes on a 2-core CPU)')
    .option('--out <dir>', 'output directory (default: ptycho-demo-<timestamp>)')
    .option('--seed <n>', 'random seed', '1')
    .option('--backend <name>', BACKEND_CHOICES.join('|'), 'auto')
    .option(WORKERS_FLAG, WORKERS_HELP)
    .option('--json', 'print summary.json on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: DemoFlags) => {
      const ui = createUi(flags);
      const t0 = performance.now();
      const out = flags.out ?? `ptycho-demo-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`;
      checkRunOut(out);
      // The pretrained model shipped with the CLI (`npm run pretrain:demo`, issue 15).
      const shipped = fs.existsSync(path.join(DEMO_MODEL, RUN_FILES.config)) ? DEMO_MODEL : undefined;
      if (!shipped) ui.warn(`no pretrained demo model in ${DEMO_MODEL} (npm run pretrain:demo makes it): the network trains from scratch`);
      const config = demoRunConfig(flags.seed, shipped ? { config: readRunDirConfig(shipped).config, dir: shipped } : undefined);
      const { result: summary } = await runLongCommand(ui, flags, config.batchSize, (started) => runDemo(out, config, { ...started, ...(shipped ? { initModel: shipped } : {}) }));
      ui.result(summary);
      ui.info(`demo finished in ${((performance.now() - t0) / 1000).toFixed(1)} s; open ${path.resolve(summary.report)}`);
    });
}
