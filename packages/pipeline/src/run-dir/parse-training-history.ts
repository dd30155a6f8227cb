import { z } from 'zod';
import { InputError } from '@ptychojs/io';
import type { EpochRecord } from '@ptychojs/model';
import { schemaInputError } from '../internal/schema-input-error.js';

const num = z.number();

/** One epoch of `history.json` (the model's EpochRecord), every field checked. */
const epochRecordSchema = z.strictObject({
  epoch: z.number().int().min(0),
  loss: num, nll: num, mae: num, tv: num, realspace: num,
  valLoss: num.nullable(),
  lr: z.number().positive(),
  seconds: z.number().min(0),
  samplesPerSec: z.number().min(0),
  patterns: z.number().int().min(0).optional(),
  scores: z.record(z.string(), num).optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _typesAgree: Same<z.output<typeof epochRecordSchema>, EpochRecord> = true;
void _typesAgree;

/**
 * Validate a parsed `history.json` of a run directory (SPEC §3 "Run directory": per epoch each
 * loss term, validation loss, seconds) into the model's epoch records.
 *
 * @throws InputError naming the file and the key (`3.loss` is epoch record 3's loss)
 */
export function parseTrainingHistory(value: unknown, file: string): EpochRecord[] {
  if (!Array.isArray(value)) throw new InputError('history.json must be an array of epoch records', { file, expected: 'a JSON array', actual: value === null ? 'null' : typeof value });
  const parsed = z.array(epochRecordSchema).safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid training history', parsed.error, value, file);
  return parsed.data;
}
