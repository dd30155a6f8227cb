/**
 * The settings of an ePIE / rPIE reconstruction (`ptycho epie`, `run --refine`/`--compare-epie`,
 * the half-scan `epie:K:ALPHA`; STYLE §9): one loose input is validated by
 * {@link resolveEpieSettings} into one frozen {@link EpieSettings}. The defaults are
 * {@link EPIE_SETTINGS_DEFAULTS}: `epie`'s own (`EPIE_DEFAULTS` of `@ptychojs/physics`) and the
 * number of iterations.
 */
import { z } from 'zod';
import { looseBoolean, looseNumber } from '@ptychojs/model';
import { EPIE_DEFAULTS } from '@ptychojs/physics';
import { resolveSettings, type SameType } from '../internal/resolve-settings.js';
import type { SettingsOptions } from '../types.js';

/** Every setting of an ePIE reconstruction, resolved (the options of `epie` that are not data). */
export interface EpieSettings {
  /** Sweeps over all scan positions (≥ 1). */
  readonly iterations: number;
  /** rPIE's α of the object step, in (0, 1]; 1 is ePIE (Maiden, Johnson & Li 2017). */
  readonly rpieAlpha: number;
  /** Also refine the probe. */
  readonly probeUpdate: boolean;
  /** rPIE's α of the probe step, in (0, 1]. */
  readonly probeAlpha: number;
  /** Seed of the random position order. */
  readonly seed: number;
}

/** The one place where the defaults of ePIE's settings live. */
export const EPIE_SETTINGS_DEFAULTS: Readonly<EpieSettings> = Object.freeze({ iterations: 100, ...EPIE_DEFAULTS });

const d = EPIE_SETTINGS_DEFAULTS;
const num = (s: z.ZodNumber) => z.preprocess(looseNumber, s);
const unit = () => num(z.number().gt(0).max(1));

/** Each setting's schema (strings from flags converted) with its default, and its expected value in words. */
const EPIE_SETTINGS_FIELDS = {
  iterations: { schema: num(z.number().int().min(1)).default(d.iterations), expected: 'integer ≥ 1' },
  rpieAlpha: { schema: unit().default(d.rpieAlpha), expected: 'number in (0, 1]' },
  probeUpdate: { schema: z.preprocess(looseBoolean, z.boolean()).default(d.probeUpdate), expected: 'boolean' },
  probeAlpha: { schema: unit().default(d.probeAlpha), expected: 'number in (0, 1]' },
  seed: { schema: num(z.number().int()).default(d.seed), expected: 'integer' },
} as const;

const epieSettingsSchema = z.strictObject({
  iterations: EPIE_SETTINGS_FIELDS.iterations.schema,
  rpieAlpha: EPIE_SETTINGS_FIELDS.rpieAlpha.schema,
  probeUpdate: EPIE_SETTINGS_FIELDS.probeUpdate.schema,
  probeAlpha: EPIE_SETTINGS_FIELDS.probeAlpha.schema,
  seed: EPIE_SETTINGS_FIELDS.seed.schema,
});

const EXPECTED = Object.fromEntries(Object.entries(EPIE_SETTINGS_FIELDS).map(([k, f]) => [k, f.expected]));

/**
 * Validate loose ePIE settings (any subset; numbers possibly as text, `'0.5'`; `undefined` for
 * "not given") into one frozen {@link EpieSettings}, absent keys taking
 * {@link EPIE_SETTINGS_DEFAULTS}.
 *
 * @throws InputError naming the key (as `options.names` names it: `--alpha`), the expected value
 *   and the actual one
 */
export function resolveEpieSettings(input: unknown = {}, options: SettingsOptions = {}): EpieSettings {
  return resolveSettings('ePIE setting', epieSettingsSchema, EXPECTED, input, options);
}

// Compile-time check that the schema's output and the documented interface agree both ways.
const _typesAgree: SameType<z.output<typeof epieSettingsSchema>, EpieSettings> = true;
