/**
 * Poisson deviance of one pixel, `D(y, μ) = 2·(y·ln(y/μ) − (y − μ))` with `y·ln y = 0` at y = 0
 * (McCullagh & Nelder 1989, Generalized Linear Models, 2nd ed., §2.3): twice the log-likelihood
 * ratio of the model's rate μ against the saturated model (μ = y). 0 when μ = y, and ≥ 0.
 * The caller floors μ (a rate of 0 under counts > 0 is an infinite deviance).
 *
 * @param y observed counts, ≥ 0
 * @param mu model rate, > 0
 */
export function poissonDeviance(y: number, mu: number): number {
  return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
}
