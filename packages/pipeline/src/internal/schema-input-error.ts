import type { z } from 'zod';
import { InputError, type InputErrorDetails } from '@ptychojs/io';

/** `value` in a few words for an error message: `"abc"`, `12`, `null`, `array of 3`, `object`, `absent`. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `array of ${value.length}`;
  return typeof value;
}

/** What a zod issue expected, in words. */
function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}`;
    case 'too_small':
      return `${issue.origin} ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `${issue.origin} ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return 'no other keys';
    default:
      return issue.message;
  }
}

/**
 * The input's value at a problem's path. A text met before the path ends is a flag's list or range
 * that the schema split (`'5,x'` for `snapshotMinutes.1`): the text as given is what was found.
 */
function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v === 'string') return v;
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  }
  return v;
}

/** How {@link schemaInputError} words a problem's key and what it expected. */
export interface SchemaErrorWords {
  /**
   * The key as the user knows it, from the problem's dotted path (`rpieAlpha` → `--alpha` for a
   * CLI flag); default the path itself.
   */
  readonly keyName?: (path: string) => string;
  /** What the setting at the path expects, in words (`number in (0, 1]`); default from the zod issue. */
  readonly expected?: (path: string) => string | undefined;
}

/**
 * A schema failure as one `InputError` naming the file and the dotted key of the first problem,
 * what was expected and what was found; `problems` lists every problem in the same words.
 */
export function schemaInputError(message: string, error: z.ZodError, input: unknown, file: string | undefined, words: SchemaErrorWords = {}): InputError {
  const problems = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const key = words.keyName ? words.keyName(path) : path;
    const details: InputErrorDetails = issue.code === 'unrecognized_keys'
      ? { file, key, expected: expectedOf(issue), actual: `unknown key(s) ${issue.keys.map((k) => words.keyName?.(k) ?? k).join(', ')}` }
      : { file, key, expected: words.expected?.(path) ?? expectedOf(issue), actual: describeValue(at(input, issue.path)) };
    return details;
  });
  const first = problems[0] ?? { file };
  return new InputError(message, first, problems.map((d) => new InputError(message, d).message));
}
