import { InputError } from '@ptychojs/io';
import type { RunConfig } from '@ptychojs/model';

/** Settings that fix the U-Net's shape: a pretrained model's weights fit only a network built with the same. */
export const STRUCTURAL_KEYS = ['gridsize', 'nFiltersScale', 'objectExtent', 'amplitudeActivation', 'phaseActivation', 'objectBig', 'inputIterations'] as const satisfies readonly (keyof RunConfig)[];

/**
 * The loose run configuration of a run that starts from a pretrained model (`--init-model`, issue
 * 15): the model's structural settings ({@link STRUCTURAL_KEYS}) under the caller's other settings.
 * A setting the caller gave that contradicts the model is an error, not silently replaced.
 *
 * @param input the caller's loose settings (only those given)
 * @param model the pretrained run's resolved configuration
 * @throws InputError naming the setting, the model's value and the one given
 */
export function initModelConfig(input: Readonly<Record<string, unknown>>, model: RunConfig, modelDir: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const k of STRUCTURAL_KEYS) {
    const given = input[k];
    if (given !== undefined && String(given) !== String(model[k])) {
      throw new InputError(`the pretrained model in ${modelDir} was built with another ${k}; leave it out to use the model's`, { key: k, expected: String(model[k]), actual: String(given) });
    }
    out[k] = model[k];
  }
  return out;
}
