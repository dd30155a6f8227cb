import { scanIssue, type ScanIssueCode } from '../scan-issue.js';
import type { Findings } from './types.js';

/** A finding's words after its file: code, key, what, expected, actual, fix ({@link scanIssue}). */
type IssueWords = [code: ScanIssueCode, key: string, what: string, expected: string, actual: string, fix: string];

/** Empty {@link Findings} about `file`, and `problem(…)` and `warn(…)`, which add one to them. */
export function findingsFor(file: string): { readonly findings: Findings; problem(...words: IssueWords): void; warn(...words: IssueWords): void } {
  const findings: Findings = { problems: [], warnings: [] };
  return {
    findings,
    problem: (...words) => { findings.problems.push(scanIssue(file, ...words)); },
    warn: (...words) => { findings.warnings.push(scanIssue(file, ...words)); },
  };
}
