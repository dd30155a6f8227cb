/**
 * The method (`summary.json` `methods[].method`: pretrained, network, refined, epie) whose
 * directory holds the reconstruction at `reconPath`, when the run's summary (at `summaryPath`)
 * lists it; `methods` is the summary's field as written (checked here, not trusted).
 */
export function reconstructionMethod(reconPath: string, summaryPath: string | undefined, methods: unknown): string | undefined {
  if (!summaryPath || !Array.isArray(methods)) return undefined;
  const root = summaryPath.includes('/') ? summaryPath.slice(0, summaryPath.lastIndexOf('/') + 1) : '';
  for (const m of methods as unknown[]) {
    if (typeof m !== 'object' || m === null) continue;
    const { dir, method } = m as { dir?: unknown; method?: unknown };
    if (typeof dir === 'string' && typeof method === 'string' && `${root}${dir}/reconstruction.npz` === reconPath) return method;
  }
  return undefined;
}
