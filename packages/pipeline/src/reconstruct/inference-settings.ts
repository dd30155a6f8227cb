/**
 * The settings of a reconstruction with a trained network (`ptycho infer`; STYLE §9): one loose
 * input is validated by {@link resolveInferenceSettings} into one frozen
 * {@link InferenceSettings}, with the defaults of {@link INFERENCE_SETTINGS_DEFAULTS}.
 */
import { z } from 'zod';
import { looseNumber } from '@ptychojs/model';
import { resolveSettings, type SameType } from '../internal/resolve-settings.js';
import type { SettingsOptions } from '../types.js';
import { INFERENCE_BATCH_SIZE } from './inference-batch-size.js';

/** Every setting of an inference, resolved. */
export interface InferenceSettings {
  /** Groups per forward pass (bounds the memory of a pass). */
  readonly batchSize: number;
}

/** The one place where the defaults of inference's settings live. */
export const INFERENCE_SETTINGS_DEFAULTS: Readonly<InferenceSettings> = Object.freeze({ batchSize: INFERENCE_BATCH_SIZE });

/** Each setting's schema (strings from flags converted) with its default, and its expected value in words. */
const INFERENCE_SETTINGS_FIELDS = {
  batchSize: { schema: z.preprocess(looseNumber, z.number().int().min(1)).default(INFERENCE_SETTINGS_DEFAULTS.batchSize), expected: 'integer ≥ 1' },
} as const;

const inferenceSettingsSchema = z.strictObject({ batchSize: INFERENCE_SETTINGS_FIELDS.batchSize.schema });

const EXPECTED = Object.fromEntries(Object.entries(INFERENCE_SETTINGS_FIELDS).map(([k, f]) => [k, f.expected]));

/**
 * Validate loose inference settings (numbers possibly as text; `undefined` for "not given") into
 * one frozen {@link InferenceSettings}, absent keys taking {@link INFERENCE_SETTINGS_DEFAULTS}.
 *
 * @throws InputError naming the key (as `options.names` names it: `--batch-size`), the expected
 *   value and the actual one
 */
export function resolveInferenceSettings(input: unknown = {}, options: SettingsOptions = {}): InferenceSettings {
  return resolveSettings('inference setting', inferenceSettingsSchema, EXPECTED, input, options);
}

// Compile-time check that the schema's output and the documented interface agree both ways.
const _typesAgree: SameType<z.output<typeof inferenceSettingsSchema>, InferenceSettings> = true;
