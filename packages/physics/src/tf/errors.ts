/**
 * A tensor that must be finite held NaN or ±Inf (SPEC §3: NaN in the predicted intensity is an
 * error, not a silent zero). An internal failure (CLI exit 1), not bad input.
 */
export class NonFiniteError extends Error {
  override readonly name = 'NonFiniteError';
}
