import { InputError } from '@ptychojs/io';
import { readJsonFile } from './read-json-file.js';

/**
 * A run-configuration file (`--config FILE`): a JSON object of any run settings, loose (keys in
 * any spelling `resolveRunConfig` accepts). Resolve it, with flags merged over it, by
 * `resolveRunConfig(input, { file })`.
 *
 * @throws InputError naming the file when it cannot be read, is not JSON, or is not an object
 */
export function readRunConfigFile(file: string): Record<string, unknown> {
  const parsed = readJsonFile(file, 'the config file');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError('the config must be a JSON object', { file, expected: '{ "epochs": 20, … }', actual: Array.isArray(parsed) ? 'an array' : typeof parsed });
  return parsed as Record<string, unknown>;
}
