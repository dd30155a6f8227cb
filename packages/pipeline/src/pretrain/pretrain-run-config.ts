import { resolveRunConfig, type ResolveRunConfigOptions, type RunConfig } from '@ptychojs/model';

/**
 * Training settings of pretraining where they differ from `ptycho train`'s (issue 15): data are
 * fresh every epoch and the budget is time, so no early stop and a patient learning-rate schedule;
 * the real-space term against the simulated truth is on. Flags and `--config` override them.
 */
export const PRETRAIN_CONFIG_DEFAULTS = Object.freeze({
  gridsize: 1,
  nFiltersScale: 0.5,
  inputIterations: 4,
  realspaceWeight: 300,
  epochs: 1_000_000,
  maxMinutes: 60,
  earlyStopPatience: 1_000_000,
  lrPatience: 4,
  minLr: 1e-5,
  validationFraction: 0,
});

/**
 * The frozen RunConfig of a pretraining: {@link PRETRAIN_CONFIG_DEFAULTS} under the given loose
 * input (CLI flags, a config file), validated by the model's rules.
 * @param options where the input came from and how errors name its keys (`resolveRunConfig`'s)
 * @throws InputError naming the key, expected and actual value
 */
export function pretrainRunConfig(input: Record<string, unknown>, options: ResolveRunConfigOptions = {}): RunConfig {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return resolveRunConfig({ ...PRETRAIN_CONFIG_DEFAULTS, ...given }, options);
}
