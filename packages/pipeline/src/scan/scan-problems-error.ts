import { InputError } from '@ptychojs/io';
import { formatScanIssue } from './format-scan-issue.js';
import type { ScanProblem } from '../types.js';

/** @internal One InputError (exit 2) for every problem of a scan, each line with its fix. */
export function scanProblemsError(file: string, command: string, problems: readonly ScanProblem[]): InputError {
  const n = problems.length;
  const lines = problems.map(formatScanIssue);
  const what = command === 'inspect' ? 'this scan unusable' : `this scan unusable for '${command}'`;
  return new InputError(`${n} problem${n === 1 ? '' : 's'} make${n === 1 ? 's' : ''} ${what}`, { file }, lines);
}
