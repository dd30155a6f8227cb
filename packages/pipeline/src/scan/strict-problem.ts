import type { ScanIssue } from './scan-issue.js';

/** A warning as the problem it is under `strict` (`--strict`: warnings are errors), saying so. */
export function strictProblem(warning: ScanIssue): ScanIssue {
  return { ...warning, message: `${warning.message} (strict: warnings are errors)` };
}
