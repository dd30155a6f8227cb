import type { z } from 'zod';
import { InputError } from '@ptychojs/io';
import type { SettingsOptions } from '../types.js';
import { schemaInputError } from './schema-input-error.js';

/** A problem found across settings after each is valid alone; `key` is the setting to change. */
export interface SettingsProblem {
  readonly message: string;
  readonly key: string;
  readonly expected: string;
  readonly actual: string;
}

/** Compile-time check that a schema's output and its documented interface agree both ways. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** How a resolver's cross-setting check names a key in its texts (`probeRms` → `--probe-rms`). */
export type SettingName = (key: string) => string;

/**
 * Validate a loose settings input (CLI flags as strings, a JSON object) into one frozen, resolved
 * object, the way `resolveRunConfig` does for training (STYLE §9): `undefined` values count as
 * absent, the schema converts, checks and fills defaults, then `check` looks across settings.
 *
 * @param what what the settings are, for the message (`ePIE setting`)
 * @param schema strict object schema with the defaults
 * @param expected each key's expected value in words (`number in (0, 1]`)
 * @throws InputError naming the key (as `options.names` names it), what was expected and what was
 *   found; `problems` lists every problem of the same stage
 */
export function resolveSettings<T extends object>(
  what: string,
  schema: z.ZodType<T>,
  expected: Readonly<Record<string, string>>,
  input: unknown,
  options: SettingsOptions = {},
  check?: (settings: T, name: SettingName) => SettingsProblem[],
): Readonly<T> {
  const { file, names = {} } = options;
  const name: SettingName = (key) => names[key] ?? key;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputError(`${what}s must be an object`, { file, expected: `an object of ${what}s`, actual: Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input });
  }
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    throw schemaInputError(`invalid ${what}`, parsed.error, given, file, {
      keyName: (path) => {
        const [head = '', ...rest] = path.split('.');
        return [name(head), ...rest].join('.');
      },
      expected: (path) => expected[path.split('.')[0]!],
    });
  }
  const problems = check?.(parsed.data, name) ?? [];
  const first = problems[0];
  if (first !== undefined) {
    const details = (p: SettingsProblem) => ({ file, key: name(p.key), expected: p.expected, actual: p.actual });
    throw new InputError(first.message, details(first), problems.map((p) => new InputError(p.message, details(p)).message));
  }
  return Object.freeze(parsed.data);
}
