/**
 * `ptycho pretrain --probe FILE --out DIR`: train the network once on scans simulated under a probe
 * (issue 15), so that scans taken with that probe reconstruct in one inference pass.
 */
import path from 'node:path';
import { Command } from 'commander';
import { InputError, SUPPORTED_N, toComplexArray } from '@ptychojs/io';
import { readNpzFile } from '@ptychojs/io/node';
import { OBJECT_FAMILIES, PRETRAIN_CONFIG_DEFAULTS, pretrainEpochs, pretrainRunConfig, resolvePretrainRunSettings, resolvePretrainSpec } from '@ptychojs/pipeline';
import { checkRunDir, pretrainToDir } from '@ptychojs/pipeline/node';
import { runLongCommand } from '../long-command.js';
import { addSettingFlags, flagNames, settingsInput, type SettingFlag } from '../setting-flags.js';
import { addTrainOptions, TRAIN_FLAGS, trainConfigInput, trainResolveOptions } from '../train-options.js';
import { createUi } from '../ui.js';

/** Spec flag → PretrainSpec key; the schema of @ptychojs/pipeline reads lists and ranges (`lo,hi`) and checks them. */
const SPEC_FLAGS: readonly SettingFlag[] = [
  { flag: '--families <list>', key: 'families', help: `object families, comma-separated, from ${OBJECT_FAMILIES.join(', ')} (default all)` },
  { flag: '--step-range <lo,hi>', key: 'stepRange', help: 'scan steps in pixels, drawn log-uniformly (default N/32,N/4)' },
  { flag: '--dose-range <lo,hi>', key: 'doseRange', help: 'photons per pattern, drawn log-uniformly; Poisson noise (default 1e4,1e9)' },
  { flag: '--amplitude-min-range <lo,hi>', key: 'amplitudeMinRange', help: "objects' lowest amplitude (highest 1) (default 0.2,0.9)" },
  { flag: '--phase-max-range <lo,hi>', key: 'phaseMaxRange', help: "objects' largest phase in radians (default 0.3,3.1416)" },
  { flag: '--positions-per-scan <n>', key: 'positionsPerScan', help: 'scan positions per simulated scan (default 144)' },
  { flag: '--patterns-per-epoch <n>', key: 'patternsPerEpoch', help: 'fresh simulated patterns per epoch (default 8192)' },
  { flag: '--validation-scans <n>', key: 'validationScans', help: 'held-out simulated scans scored against their truth after every epoch (default 5)' },
];

/** Flag → PretrainRunSettings key. */
const RUN_FLAGS: readonly SettingFlag[] = [
  { flag: '--n-patterns <n>', key: 'nPatterns', help: 'stop after about this many simulated patterns (default: the time budget decides)' },
  { flag: '--snapshot-minutes <list>', key: 'snapshotMinutes', help: 'also save the model as DIR/snapshots/<m>min/ after the epoch that crosses each of these minutes, e.g. 5,15,30' },
];

export function registerPretrain(program: Command): void {
  const cmd = program
    .command('pretrain')
    .description('train the network once on scans simulated under a probe, for fast reconstruction of every scan taken with it')
    .requiredOption('--probe <file>', 'NPZ holding probeGuess: a scan taken with the probe, or a probe file')
    .requiredOption('--out <dir>', 'model directory to create (ptycho infer --model / run --init-model take it)');
  addSettingFlags(cmd, RUN_FLAGS);
  addSettingFlags(cmd, SPEC_FLAGS);
  addTrainOptions(cmd);
  // The training flags' help states `train`'s defaults; pretraining has its own for some.
  for (const f of TRAIN_FLAGS) {
    const value = (PRETRAIN_CONFIG_DEFAULTS as Record<string, unknown>)[f.key];
    if (value === undefined) continue;
    const opt = cmd.options.find((o) => o.long === f.flag.split(' ')[0]);
    const shown = value === 1_000_000 ? 'none (the time budget decides)' : String(value);
    if (opt) opt.description = `${opt.description.replace(/\s*\(default [^)]*\)\s*$/, '')} (pretrain default: ${shown})`;
  }
  cmd
    .option('--resume', 'continue an interrupted pretraining from its checkpoint')
    .option('--dry-run', 'print the resolved settings and stop')
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'no human-readable output')
    .action(async (flags: Record<string, unknown>) => {
      const ui = createUi(flags as { json?: boolean; quiet?: boolean });
      const probeFile = flags.probe as string;
      const arrays = readNpzFile(probeFile, { keys: ['probeGuess'] });
      if (!arrays.probeGuess) throw new InputError('no probe in this file', { file: probeFile, key: 'probeGuess', expected: '(N, N) complex', actual: 'absent' });
      const probe = toComplexArray(arrays.probeGuess, { file: probeFile, key: 'probeGuess' });
      const [H, W] = probe.shape;
      if (probe.shape.length !== 2 || H !== W || !(SUPPORTED_N as readonly number[]).includes(H!)) {
        throw new InputError('the probe must be square with a supported side', { file: probeFile, key: 'probeGuess', expected: `(N, N), N one of ${SUPPORTED_N.join(', ')}`, actual: `(${probe.shape.join(', ')})` });
      }
      const spec = resolvePretrainSpec(H!, settingsInput(flags, SPEC_FLAGS), { names: flagNames(SPEC_FLAGS) });
      const { nPatterns, snapshotMinutes } = resolvePretrainRunSettings(settingsInput(flags, RUN_FLAGS), { names: flagNames(RUN_FLAGS) });
      const input = trainConfigInput(flags);
      if (nPatterns !== undefined) input['epochs'] = pretrainEpochs(nPatterns, spec);
      const config = pretrainRunConfig(input, trainResolveOptions(flags));
      if (flags.dryRun) {
        ui.result({ spec, config });
        ui.info(JSON.stringify({ spec, config }, null, 2));
        return;
      }
      const out = flags.out as string;
      checkRunDir(out, Boolean(flags.resume));
      const { result: res, workers } = await runLongCommand(ui, flags, config.batchSize, (started) => pretrainToDir(probe, spec, config, out, {
        ...started, resume: Boolean(flags.resume), probeSource: `probeGuess of ${path.basename(probeFile)}`, snapshotMinutes,
      }));
      const v = res.card.validation;
      ui.result({ out, card: res.card, epochs: res.history.length, stopReason: res.runConfig.stopReason, seconds: res.runConfig.seconds, backend: res.runConfig.backend, workers });
      ui.info(`wrote ${out}/ (model/, model-card.json, config.json, probe.npz, history.json${res.history.length > 0 ? ', loss.png' : ''}) after ${res.history.length} epoch(s), ${res.card.training.patternsSeen} patterns, ${(res.runConfig.seconds / 60).toFixed(1)} min${v && v['amp_ssim'] !== undefined ? `; held-out SSIM ${v['amp_ssim'].toFixed(3)}/${v['phase_ssim']!.toFixed(3)} (amplitude/phase)` : ''}`);
    });
}
