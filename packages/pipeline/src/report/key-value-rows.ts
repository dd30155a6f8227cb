/** Longest array written out in full by {@link keyValueRows}; longer ones are summarized. */
const MAX_LIST = 8;

function scalar(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (v === undefined) return '';
  return String(v);
}

/**
 * A JSON value (a run's config, a summary) as rows of a two-column table: nested objects become
 * dotted keys (`config.gridsize`), short arrays of numbers or strings one comma-separated value,
 * longer arrays `array of N`, numbers 6 significant digits. The one layout of the config and
 * summary tables in `report.html` and the web app. Values are plain text: callers escape them.
 */
export function keyValueRows(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [[prefix || 'value', scalar(value)]];
  if (Array.isArray(value)) {
    const flat = value.every((v) => v === null || typeof v !== 'object');
    if (flat && value.length <= MAX_LIST) return [[prefix || 'value', value.map(scalar).join(', ')]];
    if (flat || value.length > MAX_LIST) return [[prefix || 'value', `array of ${value.length}`]];
    return value.flatMap((v, i) => keyValueRows(v, prefix ? `${prefix}.${i}` : String(i)));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [[prefix || 'value', '{}']];
  return entries.flatMap(([k, v]) => keyValueRows(v, prefix ? `${prefix}.${k}` : k));
}
