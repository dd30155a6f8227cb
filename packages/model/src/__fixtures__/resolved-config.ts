import type { ComplexArray } from '@ptychojs/io';
import { resolveForData } from '../config/resolve-for-data.js';
import { resolveRunConfig } from '../config/resolve-run-config.js';
import type { ResolvedRunConfig, RunConfigInput } from '../config/run-config.js';
import { gaussianProbe } from './simulate-groups.js';

/**
 * A test's {@link ResolvedRunConfig}: `resolveRunConfig(input)` resolved by `resolveForData` for
 * `probe` at `nphotons`. The default probe is `simulateGroups`' Gaussian (σ = N/8: 0.9 % of its
 * energy outside the central N/2 square), for which `auto` gives `center`, as `createPtychoModel`
 * chose before it took only resolved configurations.
 */
export function resolvedConfig(input: RunConfigInput = {}, probe: ComplexArray = gaussianProbe(64), nphotons = 1e6): ResolvedRunConfig {
  return resolveForData(resolveRunConfig(input), { probe, nphotons }).config;
}
