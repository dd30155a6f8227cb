/**
 * How long a pretraining runs besides its time budget, and which snapshots it keeps (`ptycho
 * pretrain --n-patterns`, `--snapshot-minutes`; STYLE §9): one loose input validated by
 * {@link resolvePretrainRunSettings} into one frozen {@link PretrainRunSettings}.
 */
import { z } from 'zod';
import { looseNumber } from '@ptychojs/model';
import { resolveSettings, type SameType } from '../internal/resolve-settings.js';
import type { SettingsOptions } from '../types.js';
import type { PretrainSpec } from './pretrain-spec.js';

/** The settings of a pretraining run that are neither the distribution nor the training configuration. */
export interface PretrainRunSettings {
  /** Stop after about this many simulated patterns (whole epochs: {@link pretrainEpochs}); absent = the time budget decides. */
  readonly nPatterns?: number | undefined;
  /** Minutes of pretraining after which a complete copy is saved as `snapshots/<m>min/`, ascending; empty = none. */
  readonly snapshotMinutes: readonly number[];
}

/** `'5, 15,30'` → `[5, 15, 30]` (a flag's list); a part that is not a number stays text and fails the check. */
function looseNumbers(v: unknown): unknown {
  return typeof v === 'string' ? v.split(',').map((x) => looseNumber(x.trim())) : typeof v === 'number' ? [v] : v;
}

const FIELDS = {
  nPatterns: { schema: z.preprocess(looseNumber, z.number().int().min(1)).optional(), expected: 'integer ≥ 1 (patterns)' },
  snapshotMinutes: { schema: z.preprocess(looseNumbers, z.array(z.number().positive())).default([]), expected: 'minutes > 0, comma-separated (e.g. 5,15,30)' },
} as const;

const pretrainRunSettingsSchema = z.strictObject({ nPatterns: FIELDS.nPatterns.schema, snapshotMinutes: FIELDS.snapshotMinutes.schema });

const EXPECTED = Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.expected]));

/**
 * Validate loose pretraining run settings (typed, or a flag's text: `'30000'`, `'5,15,30'`).
 * @throws InputError naming the key (as `options.names` names it: `--snapshot-minutes`), the
 *   expected and the actual value
 */
export function resolvePretrainRunSettings(input: unknown = {}, options: SettingsOptions = {}): PretrainRunSettings {
  const s = resolveSettings('pretraining setting', pretrainRunSettingsSchema, EXPECTED, input, options);
  return Object.freeze({ ...s, snapshotMinutes: Object.freeze([...s.snapshotMinutes].sort((a, b) => a - b)) });
}

/** The epochs that show about `nPatterns` patterns: ⌈nPatterns / patterns per epoch⌉, at least 1. */
export function pretrainEpochs(nPatterns: number, spec: Pick<PretrainSpec, 'patternsPerEpoch'>): number {
  return Math.max(1, Math.ceil(nPatterns / spec.patternsPerEpoch));
}

// Compile-time check that the schema's output and the documented interface agree both ways.
const _typesAgree: SameType<z.output<typeof pretrainRunSettingsSchema>, { nPatterns?: number | undefined; snapshotMinutes: number[] }> = true;
void _typesAgree;
