/**
 * The training flags shared by `train` and `run` (issue: every flag also settable from a JSON
 * config). Flags win over the config file; the model's schema fills defaults and validates.
 */
import type { Command } from 'commander';
import { AMPLITUDE_ACTIVATIONS, OBJECT_EXTENTS, PHASE_ACTIVATIONS, resolveRunConfig, RUN_CONFIG_DEFAULTS, type AmplitudeActivation, type ObjectExtent, type PhaseActivation, type RunConfig } from '@ptychojs/model';
import { initModelConfig } from '@ptychojs/pipeline';
import { readRunConfigFile, readRunDirConfig } from '@ptychojs/pipeline/node';
import { BACKEND_CHOICES } from './backend.js';
import { addSettingFlags, flagNames, settingsInput, type SettingFlag } from './setting-flags.js';
import { WORKERS_FLAG, WORKERS_HELP } from './workers.js';

/** `'a' (what a is), 'b' (…) or 'c' (…)`: an enum flag's choices in the order the model lists them. */
function describeChoices<V extends string>(values: readonly V[], what: Readonly<Record<V, string>>): string {
  const q = values.map((v) => `'${v}' (${what[v]})`);
  return `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
}

const EXTENT_WORDS: Record<ObjectExtent | 'auto', string> = {
  center: 'central N/2 square', border: 'plus a border branch for the outer ring', full: 'all N×N',
  auto: "full field when > 5% of the probe's energy is outside the centre",
};
const AMPLITUDE_WORDS: Record<AmplitudeActivation, string> = { sigmoid: "0..1, relative to the data's mean scale", softplus: 'unbounded above', swish: 'unbounded above' };
const PHASE_WORDS: Record<PhaseActivation, string> = { 'pi-tanh': "bounded, PtychoPINN's", linear: 'unbounded radians; cannot saturate' };

/** CLI flag → RunConfig key. Values stay strings here; the schema converts and checks them. */
export const TRAIN_FLAGS: readonly SettingFlag[] = [
  { flag: '--n-groups <n>', key: 'nGroups', help: 'number of groups to train on (default: one per scan position)' },
  { flag: '--gridsize <g>', key: 'gridsize', help: 'solution-region side; each group has gridsize² patterns (default 2)' },
  { flag: '--k <k>', key: 'K', help: 'neighbour pool size for grouping (default 6)' },
  { flag: '--epochs <e>', key: 'epochs', help: 'maximum epochs (default 50; early stop after 3 without improvement)' },
  { flag: '--batch-size <b>', key: 'batchSize', help: 'groups per step (default 16)' },
  { flag: '--nphotons <p>', key: 'nphotons', help: "photons per pattern for the intensity scale (default: the scan's _metadata.nphotons, else its measured mean counts per pattern)" },
  { flag: '--max-minutes <m>', key: 'maxMinutes', help: 'training budget in minutes: stop after the step that crosses it (the epoch so far is recorded) and keep the checkpoint (run: then reconstruct and evaluate)' },
  { flag: '--filters-scale <f>', key: 'nFiltersScale', help: 'U-Net width multiplier f (default 0.25; PtychoPINN uses 2, about 12× slower per epoch on CPU)' },
  { flag: '--object-big', key: 'objectBig', help: 'reassemble the C patches on a shared canvas (default)', negatable: true },
  { flag: '--object-extent <e>', key: 'objectExtent', help: `how much of each patch the U-Net predicts: ${describeChoices([...OBJECT_EXTENTS, 'auto'], EXTENT_WORDS)} (default ${RUN_CONFIG_DEFAULTS.objectExtent})` },
  { flag: '--probe-big', key: 'probeBig', help: "PtychoPINN's probe.big: same as --object-extent border" },
  { flag: '--amplitude-activation <a>', key: 'amplitudeActivation', help: `amplitude head: ${describeChoices(AMPLITUDE_ACTIVATIONS, AMPLITUDE_WORDS)} (default ${RUN_CONFIG_DEFAULTS.amplitudeActivation})` },
  { flag: '--phase-activation <a>', key: 'phaseActivation', help: `phase head: ${describeChoices(PHASE_ACTIVATIONS, PHASE_WORDS)} (default ${RUN_CONFIG_DEFAULTS.phaseActivation})` },
  { flag: '--intensity-scale-trainable', key: 'intensityScaleTrainable', help: 'learn the intensity scale s with the network' },
  { flag: '--probe-trainable', key: 'probeTrainable', help: 'refine the probe during training' },
  { flag: '--probe-mask', key: 'probeMask', help: 'apply an N/4 disk mask to the probe' },
  { flag: '--smoothing <sigma>', key: 'smoothingSigma', help: 'Gaussian smoothing σ of the probe (default 0)' },
  { flag: '--nll-weight <w>', key: 'nllWeight', help: 'Poisson NLL weight (default 1)' },
  { flag: '--mae-weight <w>', key: 'maeWeight', help: 'amplitude MAE weight (default 0)' },
  { flag: '--tv-weight <w>', key: 'tvWeight', help: 'total-variation weight (default 0)' },
  { flag: '--realspace-weight <w>', key: 'realspaceWeight', help: 'weight of the complex MAE against true object patches (needs objectGuess; pretraining: the simulated truth) (default 0; pretrain 300)' },
  { flag: '--input-iterations <t>', key: 'inputIterations', help: "the U-Net's physics-informed input: X plus the estimate of T single-pattern ePIE steps, corrected by residual heads; 0 = PtychoPINN's input, X alone (default 0; pretrain 4)" },
  { flag: '--lr <rate>', key: 'lr', help: 'Adam learning rate (default 1e-3)' },
  { flag: '--seed <n>', key: 'seed', help: 'random seed: sampling, shuffles, initialisation (default 0)' },
];

export function addTrainOptions(cmd: Command): Command {
  return addSettingFlags(cmd, TRAIN_FLAGS)
    .option('--config <file>', 'JSON file with any of these settings (flags win)')
    .option('--backend <name>', BACKEND_CHOICES.join('|'), 'auto')
    .option(WORKERS_FLAG, WORKERS_HELP);
}

/** How errors name the settings these flags gave: by their flags (`maxMinutes` → `--max-minutes`). */
function givenFlagNames(flags: Record<string, unknown>): Record<string, string> {
  const given = settingsInput(flags, TRAIN_FLAGS), names = flagNames(TRAIN_FLAGS);
  return Object.fromEntries(Object.keys(given).map((k) => [k, names[k]!]));
}

/** The options of `resolveRunConfig` for these flags: the config file, and the flags' names. */
export function trainResolveOptions(flags: Record<string, unknown>): { file?: string; names: Record<string, string> } {
  return { ...(flags.config ? { file: flags.config as string } : {}), names: givenFlagNames(flags) };
}

/** The frozen RunConfig for these flags (config file, then flags, then defaults). */
export function resolveTrainConfig(flags: Record<string, unknown>): RunConfig {
  return resolveRunConfig(trainConfigInput(flags), trainResolveOptions(flags));
}

/**
 * The frozen RunConfig of a run that starts from the pretrained model in `modelDir`: its U-Net
 * settings (`initModelConfig`), then the config file and flags as {@link resolveTrainConfig}.
 * @throws InputError when a flag contradicts the model's U-Net settings
 */
export function resolveInitModelConfig(flags: Record<string, unknown>, modelDir: string): RunConfig {
  const model = readRunDirConfig(modelDir).config;
  return resolveRunConfig(initModelConfig(trainConfigInput(flags), model, modelDir), trainResolveOptions(flags));
}

/** Loose RunConfig input: the config file's keys, overridden by the flags given. */
export function trainConfigInput(flags: Record<string, unknown>): Record<string, unknown> {
  const file = flags.config as string | undefined;
  return { ...(file === undefined ? {} : readRunConfigFile(file)), ...settingsInput(flags, TRAIN_FLAGS) };
}
