/** A photon count per pattern stated for a scan, and where: the run's (`--nphotons`) or the file's (`_metadata.nphotons`). */
export interface StatedNphotons {
  readonly key: '--nphotons' | '_metadata.nphotons';
  readonly value: number;
}

/**
 * The photon counts stated for a scan (SPEC §3 nphotons), each when a finite positive number:
 * `given` with the run, `recorded` in the file's `_metadata`.
 */
export function statedNphotons(nphotons: number | undefined, metadata: Readonly<Record<string, unknown>> | undefined): { readonly given?: StatedNphotons; readonly recorded?: StatedNphotons } {
  const ok = (v: unknown): v is number => typeof v === 'number' && v > 0 && Number.isFinite(v);
  const recorded = metadata?.nphotons;
  return {
    ...(ok(nphotons) ? { given: { key: '--nphotons', value: nphotons } } : {}),
    ...(ok(recorded) ? { recorded: { key: '_metadata.nphotons', value: recorded } } : {}),
  };
}
