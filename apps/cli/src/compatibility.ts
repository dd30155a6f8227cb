/**
 * Printing of the compatibility check of a model against a scan (issue 15).
 */
import type { Compatibility } from '@ptychojs/pipeline';
import type { Ui } from './ui.js';

/** Each finding on its own line: passes as information, warnings (and, with --force, refusals) as warnings. */
export function printCompatibility(ui: Ui, c: Compatibility, force: boolean): void {
  for (const f of c.findings) {
    if (f.level === 'ok') ui.info(`model check: ${f.message}`);
    else if (f.level === 'warning' || force) ui.warn(`model check: ${f.message}${f.level === 'refusal' ? ' (--force: reconstructing anyway)' : ''}`);
  }
}
