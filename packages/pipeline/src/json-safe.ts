/**
 * `JSON.stringify` replacer: JSON has no ±Infinity or NaN, so write them as strings
 * (`"Infinity"`, `"NaN"`) instead of the silent `null` (a PSNR of identical images is ∞).
 */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
