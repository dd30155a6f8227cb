import { InputError, type RawData } from '@ptychojs/io';
import { assessScan, type AssessScanSettings, type ScanAssessment, type ScanToAssess } from './assess-scan.js';

/**
 * {@link assessScan}, refusing: throws one `InputError` listing every problem (each with its fix),
 * returns the assessment (warnings to print) otherwise. What `train`/`infer`/`run` call before
 * writing anything, so they refuse exactly what `inspect` reports.
 *
 * @throws InputError with `problems` = one line per problem.
 */
export function assertScanUsable(scan: ScanToAssess | RawData, settings: AssessScanSettings): ScanAssessment {
  const a = assessScan(scan, settings);
  if (a.problems.length > 0) {
    const lines = a.problems.map((p) => `${p.message} — ${p.fix}`);
    const n = lines.length;
    throw new InputError(`${n} problem${n === 1 ? '' : 's'} make${n === 1 ? 's' : ''} this scan unusable for '${settings.command}':\n  ${lines.join('\n  ')}`, { file: scan.source }, lines);
  }
  return a;
}
