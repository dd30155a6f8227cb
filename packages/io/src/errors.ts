/**
 * Named errors that the CLI maps to exit codes (SPEC §1): `InputError` → 2, anything else → 1.
 */

/** Fields that locate a problem in the user's input. */
export interface InputErrorDetails {
  /** File path (or label) of the offending input. */
  readonly file?: string;
  /** NPZ key, config key or CLI flag. */
  readonly key?: string;
  /** What was expected, e.g. `(M, N, N) float`. */
  readonly expected?: string;
  /** What was found, e.g. `(529, 64) float32`. */
  readonly actual?: string;
}

/**
 * Bad input or usage: a message that says what is wrong and where, so the user can fix it.
 * `problems` carries every problem found when validation collects more than one.
 */
export class InputError extends Error implements InputErrorDetails {
  override readonly name = 'InputError';
  readonly file?: string;
  readonly key?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly problems: readonly string[];

  constructor(message: string, details: InputErrorDetails = {}, problems: readonly string[] = []) {
    super(formatInputError(message, details));
    this.file = details.file;
    this.key = details.key;
    this.expected = details.expected;
    this.actual = details.actual;
    this.problems = problems.length > 0 ? problems : [this.message];
  }
}

/** The text of an InputError: `file, key 'k': message; expected …; got …`. */
export function formatInputError(message: string, d: InputErrorDetails = {}): string {
  const where = [d.file, d.key !== undefined ? `key '${d.key}'` : undefined].filter(Boolean).join(', ');
  const parts = [where ? `${where}: ${message}` : message];
  if (d.expected !== undefined) parts.push(`expected ${d.expected}`);
  if (d.actual !== undefined) parts.push(`got ${d.actual}`);
  return parts.join('; ');
}

/** True for errors the CLI reports as bad input (exit 2). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError || (e instanceof Error && e.name === 'InputError');
}
