/**
 * An error as the `ptycho` command prints it on stderr: `error: MESSAGE` for bad input, then each
 * further problem as `  - PROBLEM`; anything else is an internal error.
 */
export function errorLines(e: { name?: string; message: string; problems?: readonly string[] }): string[] {
  if (e.name !== 'InputError') return [`internal error: ${e.message}`];
  return [`error: ${e.message}`, ...(e.problems ?? []).filter((p) => p !== e.message).map((p) => `  - ${p}`)];
}
