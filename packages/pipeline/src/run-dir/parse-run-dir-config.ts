import { InputError, isInputError } from '@ptychojs/io';
import { resolveRunConfig, type ResolvedRunConfig, type RunConfig } from '@ptychojs/model';
import { schemaInputError } from '../internal/schema-input-error.js';
import { RUN_DIR_CONFIG_VERSION, runDirConfigSchema, runDirConfigV1Schema, type RunDirConfig } from './run-dir-config.js';

/**
 * Validate a parsed `config.json` into a {@link RunDirConfig} (SPEC §3 "Run directory"): every
 * field checked by {@link runDirConfigSchema}, the embedded run configuration re-checked by the
 * model's rules (`resolveRunConfig`: K ≥ gridsize² − 1, a non-zero loss, minLr ≤ lr), and the
 * canvas side checked against N. A version 1 file ({@link runDirConfigV1Schema}) is read too: its
 * repeated fields (N, gridsize, K, the extent) must agree with the ones version 2 keeps, and it is
 * given as version 2.
 *
 * @param file the path shown in errors
 * @throws InputError naming the file and the dotted key (e.g. `config.epochs`), the expected and
 *   the actual value; `problems` lists every problem found
 */
export function parseRunDirConfig(value: unknown, file: string): RunDirConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('config.json is not a ptychojs run configuration', { file, expected: 'a JSON object', actual: Array.isArray(value) ? 'an array' : typeof value });
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== 'ptychojs-run') {
    throw new InputError('config.json is not a ptychojs run configuration', { file, key: 'format', expected: "format 'ptychojs-run'", actual: String(format) });
  }
  if (version === 1) return fromVersion1(value, file);
  if (version !== RUN_DIR_CONFIG_VERSION) {
    throw new InputError('config.json is of a format version this ptychojs does not read', { file, key: 'version', expected: `1 or ${RUN_DIR_CONFIG_VERSION}`, actual: String(version) });
  }
  const parsed = runDirConfigSchema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid run configuration', parsed.error, value, file);
  const rc = parsed.data;
  const checked = checkedConfig(rc.config, file);
  checkCanvas(rc.canvasSize, rc.data.N, file);
  return { ...rc, config: Object.freeze({ ...checked, objectExtent: rc.config.objectExtent, nphotons: rc.config.nphotons }) };
}

/** A version 1 `config.json` as version 2: the copies checked to agree, then dropped. */
function fromVersion1(value: object, file: string): RunDirConfig {
  const parsed = runDirConfigV1Schema.safeParse(value);
  if (!parsed.success) throw schemaInputError('invalid run configuration', parsed.error, value, file);
  const { N, gridsize, K, objectExtent: decision, version: _v1, config: requested, stopReason, ...rest } = parsed.data;
  const config = checkedConfig(requested, file);
  if (rest.data.N !== N) throw disagree(file, 'data.N', `N = ${N}`, rest.data.N);
  if (gridsize !== config.gridsize) throw disagree(file, 'gridsize', `config.gridsize = ${config.gridsize}`, gridsize);
  if (K !== config.K) throw disagree(file, 'K', `config.K = ${config.K}`, K);
  if (config.objectExtent !== 'auto' && config.objectExtent !== decision.extent) throw disagree(file, 'objectExtent.extent', `config.objectExtent = '${config.objectExtent}'`, decision.extent);
  if (config.nphotons === undefined) {
    throw new InputError('invalid run configuration', { file, key: 'config.nphotons', expected: 'the dose the run used (photons per pattern)', actual: 'absent' });
  }
  checkCanvas(rest.canvasSize, N, file);
  const { extent, ...choice } = decision;
  return {
    ...rest, version: RUN_DIR_CONFIG_VERSION,
    config: Object.freeze({ ...config, objectExtent: extent, nphotons: config.nphotons }),
    objectExtentChoice: choice,
    // Version 1 called the demo's training budget `requested`; it is the time budget.
    stopReason: stopReason === 'requested' ? 'time-budget' : stopReason,
  };
}

/** The embedded run configuration under the model's cross-field rules; errors keyed `config.…`. */
function checkedConfig(config: RunConfig | ResolvedRunConfig, file: string): RunConfig {
  try {
    return resolveRunConfig(config, { file });
  } catch (e) {
    if (!isInputError(e)) throw e;
    throw new InputError('invalid run configuration', { file, key: `config.${e.key ?? ''}`, expected: e.expected, actual: e.actual }, e.problems);
  }
}

function checkCanvas(canvasSize: number, N: number, file: string): void {
  if (canvasSize < N || (canvasSize - N) % 2 !== 0) throw disagree(file, 'canvasSize', `N + an even number ≥ 0 (N = ${N})`, canvasSize);
}

function disagree(file: string, key: string, expected: string, actual: unknown): InputError {
  return new InputError('run configuration contradicts itself', { file, key, expected, actual: String(actual) });
}
