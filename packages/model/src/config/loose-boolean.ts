/** The words a boolean setting accepts (any case, surrounding spaces ignored). */
const BOOLEAN_WORDS = { true: ['true', '1', 'yes', 'on'], false: ['false', '0', 'no', 'off'] } as const;

/**
 * A setting's value as a boolean when it arrives as text or 0/1: `'true'`/`'false'` (also 1/0,
 * yes/no, on/off, any case) → boolean; anything else passes through unchanged for the schema's
 * boolean check to accept or name. Used as `z.preprocess(looseBoolean, z.boolean())`.
 */
export function looseBoolean(v: unknown): unknown {
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (typeof v !== 'string') return v;
  const w = v.trim().toLowerCase();
  return (BOOLEAN_WORDS.true as readonly string[]).includes(w) ? true : (BOOLEAN_WORDS.false as readonly string[]).includes(w) ? false : v;
}
