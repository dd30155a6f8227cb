/**
 * `ptycho evaluate --recon R.npz --truth T.npz`: metrics vs ground truth (SPEC §4).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, parseReconstruction } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { metricsTable, truthFromArrays } from '@ptychojs/pipeline';
import { evaluateAndWrite } from '@ptychojs/pipeline/node';
import { addScanOptions, printScanFindings, type ScanFlags } from '../scan-options.js';
import { createUi } from '../ui.js';

interface EvaluateFlags extends ScanFlags { recon: string; truth: string; profile: string; out?: string; json?: boolean; quiet?: boolean }

export function registerEvaluate(program: Command): void {
  const cmd = program
    .command('evaluate')
    .description('score a reconstruction against ground truth: MS-SSIM, SSIM, PSNR, MAE, FRC50 for amplitude and phase')
    .requiredOption('--recon <file>', 'reconstruction.npz written by `ptycho infer`')
    .requiredOption('--truth <file>', 'NPZ with objectGuess (a raw scan NPZ; its positions define the scored box)')
    .option('--profile <name>', "'standard' (textbook definitions) or 'ptychopinn' (PtychoPINN's own variants)", 'standard')
    .option('--out <dir>', 'where metrics.json and frc.png go (default: beside --recon)');
  addScanOptions(cmd, { diffraction: false })
    .option('--json', 'print the metrics object on stdout')
    .option('--quiet', 'no human-readable output')
    .action((flags: EvaluateFlags) => {
      const ui = createUi(flags);
      if (flags.profile !== 'standard' && flags.profile !== 'ptychopinn') {
        throw new InputError('unknown metrics profile', { key: '--profile', expected: 'standard|ptychopinn', actual: flags.profile });
      }
      const recon = parseReconstruction(readNpzFile(flags.recon), flags.recon);
      // The truth's positions are checked for `evaluate` (a metrics crop under the SSIM window: exit 2) before anything is written.
      const truth = truthFromArrays(readNpzFile(flags.truth, { keys: ['objectGuess', 'xcoords', 'ycoords', 'probeGuess'] }), flags.truth, { strict: Boolean(flags.strict) });
      printScanFindings(ui, { warnings: truth.warnings ?? [] });
      const out = evaluateAndWrite(recon, truth, flags.out ?? path.dirname(flags.recon), flags.profile);
      ui.result(out.result.metrics);
      ui.info(`${flags.recon} vs ${flags.truth} (${flags.profile} profile, ${out.result.box.height}×${out.result.box.width} px scored)`);
      for (const line of metricsTable(out.result.metrics)) ui.info(line);
      ui.info(`FRC curves: ${out.frcPng}`);
    });
}
