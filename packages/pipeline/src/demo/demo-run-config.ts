import { resolveRunConfig, type RunConfig } from '@ptychojs/model';
import { DEMO } from './demo-settings.js';
import { initModelConfig } from '../prepare/init-model-config.js';

/**
 * The demo's run configuration with a seed (a number or a flag's string): {@link DEMO}`.config`,
 * or, starting from a pretrained model whose configuration is `pretrained`, that model's U-Net
 * settings with {@link DEMO}`.fineTune.config`.
 * @throws InputError naming `seed` when it is not an integer in 0..2³²−1
 */
export function demoRunConfig(seed: unknown, pretrained?: { readonly config: RunConfig; readonly dir: string }): RunConfig {
  if (!pretrained) return resolveRunConfig({ ...DEMO.config, seed });
  return resolveRunConfig(initModelConfig({ ...DEMO.fineTune.config, seed }, pretrained.config, pretrained.dir));
}
