import { resolveRunConfig, type RunConfig } from '@ptychojs/model';
import { DEMO } from './demo-settings.js';

/**
 * The demo's run configuration ({@link DEMO}`.config`) with a seed (a number or a flag's string).
 * @throws InputError naming `seed` when it is not an integer in 0..2³²−1
 */
export function demoRunConfig(seed: unknown): RunConfig {
  return resolveRunConfig({ ...DEMO.config, seed });
}
