import { fmt } from '../../internal/fmt.js';
import { scanIssue, type ScanIssue } from '../scan-issue.js';
import type { StatedNphotons } from './stated-nphotons.js';

/** The run's nphotons differing from the file's `_metadata.nphotons` (beyond 1e-6 relative: `metadata-disagrees`). */
export function nphotonsAgreementWarnings(file: string, nphotons: { readonly given?: StatedNphotons; readonly recorded?: StatedNphotons }): ScanIssue[] {
  const { given: sn, recorded: mn } = nphotons;
  if (!(sn && mn && Math.abs(sn.value - mn.value) > 1e-6 * Math.max(sn.value, mn.value))) return [];
  return [scanIssue(file, 'metadata-disagrees', '_metadata', `_metadata says nphotons = ${fmt(mn.value)} but the run uses ${fmt(sn.value)}`, `nphotons = ${fmt(mn.value)} (as recorded)`, `--nphotons ${fmt(sn.value)}`,
    `omit --nphotons to use the recorded value (or pass --nphotons ${mn.value}), or correct _metadata`)];
}
