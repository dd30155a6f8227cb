import { InputError, isInputError } from '@ptychojs/io';
import { resolveRunConfig } from '@ptychojs/model';
import { schemaInputError } from '../internal/schema-input-error.js';
import { runDirConfigSchema, type RunDirConfig } from './run-dir-config.js';

/**
 * Validate a parsed `config.json` into a {@link RunDirConfig} (SPEC §3 "Run directory"): every
 * field checked by {@link runDirConfigSchema}, the embedded run configuration re-resolved by the
 * model's rules, and the fields that repeat each other checked to agree (N and data.N, gridsize
 * and K with the config, a canvas side ≥ N of the same parity).
 *
 * @param file the path shown in errors
 * @throws InputError naming the file and the dotted key (e.g. `config.epochs`), the expected and
 *   the actual value; `problems` lists every problem found
 */
export function parseRunDirConfig(value: unknown, file: string): RunDirConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('config.json is not a ptychojs run configuration', { file, expected: 'a JSON object', actual: Array.isArray(value) ? 'an array' : typeof value });
  }
  const format = (value as { format?: unknown }).format;
  if (format !== 'ptychojs-run') {
    throw new InputError('config.json is not a ptychojs run configuration', { file, key: 'format', expected: "format 'ptychojs-run'", actual: String(format) });
  }
  const parsed = runDirConfigSchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid run configuration', parsed.error, value, file);
  const rc = parsed.data;
  let config;
  try {
    config = resolveRunConfig(rc.config, { file });
  } catch (e) {
    if (!isInputError(e)) throw e;
    throw new InputError('invalid run configuration', { file, key: `config.${e.key ?? ''}`, expected: e.expected, actual: e.actual }, e.problems);
  }
  const disagree = (key: string, expected: string, actual: unknown) => new InputError('run configuration contradicts itself', { file, key, expected, actual: String(actual) });
  if (rc.data.N !== rc.N) throw disagree('data.N', `N = ${rc.N}`, rc.data.N);
  if (rc.gridsize !== config.gridsize) throw disagree('gridsize', `config.gridsize = ${config.gridsize}`, rc.gridsize);
  if (rc.K !== config.K) throw disagree('K', `config.K = ${config.K}`, rc.K);
  if (rc.canvasSize < rc.N || (rc.canvasSize - rc.N) % 2 !== 0) throw disagree('canvasSize', `N + an even number ≥ 0 (N = ${rc.N})`, rc.canvasSize);
  return { ...rc, config };
}
