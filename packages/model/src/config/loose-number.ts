/**
 * A setting's value as a number when it arrives as text (CLI flags, query strings): `'16'` → 16,
 * `'1e-3'` → 0.001. Anything else (numbers, blank text, other types) passes through unchanged for
 * the schema's number check to accept or name. Used as `z.preprocess(looseNumber, z.number()…)`.
 */
export function looseNumber(v: unknown): unknown {
  return typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
}
