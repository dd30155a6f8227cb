import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../__fixtures__/input-error-of.js';
import { INFERENCE_BATCH_SIZE } from './inference-batch-size.js';
import { INFERENCE_SETTINGS_DEFAULTS, resolveInferenceSettings } from './inference-settings.js';

describe('resolveInferenceSettings', () => {
  it('defaults to INFERENCE_BATCH_SIZE groups per pass, and converts a flag string', () => {
    expect(resolveInferenceSettings({})).toEqual({ batchSize: INFERENCE_BATCH_SIZE });
    expect(INFERENCE_SETTINGS_DEFAULTS).toEqual({ batchSize: 64 });
    expect(resolveInferenceSettings({ batchSize: '8' })).toEqual({ batchSize: 8 });
    expect(Object.isFrozen(resolveInferenceSettings({ batchSize: undefined }))).toBe(true);
  });

  it.each([['0', '"0"'], ['eight', '"eight"'], [1.5, '1.5']] as const)('refuses batchSize %j naming the key (as the caller names it)', (value, actual) => {
    expect(inputErrorOf(() => resolveInferenceSettings({ batchSize: value }))).toMatchObject({ key: 'batchSize', expected: 'integer ≥ 1', actual });
    expect(inputErrorOf(() => resolveInferenceSettings({ batchSize: value }, { names: { batchSize: '--batch-size' } })).key).toBe('--batch-size');
  });
});
