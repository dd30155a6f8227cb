/** Shared contracts of the pipeline (SPEC §3 "Grouping", "Run directory"). */

/** How a scan is grouped (SPEC §3 "Grouping"); a subset of the run configuration. */
export interface GroupingSettings {
  readonly gridsize: number;
  readonly K: number;
  readonly nGroups?: number | undefined;
  readonly seed: number;
  readonly sampling?: 'random' | 'sequential';
}

/** The tfjs backend a run used, and why (SPEC §5: printed and stored). */
export interface BackendUsed {
  readonly name: string;
  readonly reason: string;
}
