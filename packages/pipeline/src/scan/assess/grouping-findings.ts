import { findingsFor } from './findings-for.js';
import type { Findings } from './types.js';

/**
 * Whether the M positions can be grouped as `groupScan` of @ptychojs/grouping groups them (SPEC §3
 * "Grouping"), refusing exactly when it would: gridsize and K integers ≥ 1 (`bad-setting`),
 * K ≥ C − 1 for C = gridsize² > 1 (`bad-setting`), C ≤ M (`too-few-positions`); a warning when K
 * exceeds the M − 1 other positions (`small-neighbour-pool`). Defaults gridsize 2, K 6.
 */
export function groupingFindings(file: string, M: number, settings: { readonly gridsize?: number; readonly K?: number }): Findings {
  const { findings, problem, warn } = findingsFor(file);
  const gridsize = settings.gridsize ?? 2, K = settings.K ?? 6;
  let settingsOk = true;
  for (const [key, v] of [['gridsize', gridsize], ['K', K]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      settingsOk = false;
      problem('bad-setting', key, `${key} must be an integer ≥ 1`, 'integer ≥ 1', String(v), `set ${key} to a positive integer`);
    }
  }
  if (!settingsOk) return findings;
  const C = gridsize * gridsize;
  if (C > 1 && K < C - 1) {
    problem('bad-setting', 'K', `K nearest neighbours must cover the C − 1 = ${C - 1} other members of a gridsize-${gridsize} group`, `K ≥ ${C - 1}`, String(K), `set K ≥ ${C - 1} or a smaller gridsize`);
  } else if (C > M) {
    problem('too-few-positions', 'xcoords', `gridsize ${gridsize} groups C = ${C} positions but the scan has ${M}`, `M ≥ gridsize² = ${C}`, `M = ${M}`,
      M >= 1 ? `use gridsize ${Math.floor(Math.sqrt(M))} (C = ${Math.floor(Math.sqrt(M)) ** 2} ≤ M), or a scan with more positions` : 'use a scan with positions');
  } else if (C > 1 && K > M - 1) {
    warn('small-neighbour-pool', 'K', `K = ${K} nearest neighbours asked but only ${M - 1} other positions exist; groups draw from all of them`, `K ≤ M − 1 = ${M - 1}`, String(K), `set K ≤ ${M - 1} to make the choice explicit`);
  }
  return findings;
}
