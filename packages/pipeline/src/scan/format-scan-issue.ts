import type { ScanIssueRecord, ScanProblem } from '../types.js';

/**
 * One finding about a scan as a person reads it: its message (file, key, what, expected, got)
 * and, when it has one, what to do — `message — fix`. The one wording for terminals, errors and
 * reports.
 */
export function formatScanIssue(issue: ScanIssueRecord | ScanProblem): string {
  return 'fix' in issue && issue.fix ? `${issue.message} — ${issue.fix}` : issue.message;
}
