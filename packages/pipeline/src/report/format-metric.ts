/** A metric value as every table shows it: 4 decimals, or `Infinity`/`NaN`. */
export function formatMetric(v: number): string {
  return Number.isFinite(v) ? v.toFixed(4) : String(v);
}
