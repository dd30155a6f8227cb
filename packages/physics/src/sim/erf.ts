/**
 * Error function, Abramowitz & Stegun 7.1.26 (absolute error < 1.5e−7): precise enough for
 * shaping synthetic objects and probe pupils, which is all `src/sim` uses it for.
 */
export function erf(x: number): number {
  const s = x < 0 ? -1 : 1, a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}
