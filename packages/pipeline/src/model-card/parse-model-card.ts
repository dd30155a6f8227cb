import { InputError } from '@ptychojs/io';
import { schemaInputError } from '../internal/schema-input-error.js';
import { modelCardSchema, type ModelCard } from './model-card.js';

/**
 * Validate a parsed `model-card.json` ({@link modelCardSchema}).
 * @throws InputError naming the file and the dotted key, the expected and the actual value
 */
export function parseModelCard(value: unknown, file: string): ModelCard {
  if (value === null || typeof value !== 'object' || (value as { format?: unknown }).format !== 'ptychojs-model-card') {
    throw new InputError('not a ptychojs model card', { file, key: 'format', expected: "format 'ptychojs-model-card'", actual: String((value as { format?: unknown } | null)?.format) });
  }
  const parsed = modelCardSchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid model card', parsed.error, value, file);
  return parsed.data;
}
