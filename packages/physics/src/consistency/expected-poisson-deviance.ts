import { InputError } from '@ptychojs/io';

/** Table of E[D | μ] on a log grid: μ = 10^(LOG_MIN + i/PER_DECADE), i = 0 … (LOG_MAX − LOG_MIN)·PER_DECADE. */
const LOG_MIN = -8, LOG_MAX = 2, PER_DECADE = 200;
let table: Float64Array | undefined;

/** Above this rate the two-term expansion is used (its next term is O(μ⁻³) ≈ 1e−6 at μ = 100). */
const ASYMPTOTIC_FROM = 10 ** LOG_MAX;

/**
 * `E[D(Y, μ)]` by summing the Poisson pmf: `2·(Σ_y p(y)·y·ln y − μ·ln μ)` (from
 * `D = 2(y ln(y/μ) − (y − μ))` and `E[Y] = μ`), y from 0 to μ + 40√μ + 60 (the tail beyond is
 * below 1e−30), pmf by the recurrence p(y) = p(y − 1)·μ/y.
 */
function exactSum(mu: number): number {
  const yMax = Math.ceil(mu + 40 * Math.sqrt(mu) + 60);
  let p = Math.exp(-mu), s = 0;
  for (let y = 1; y <= yMax; y++) {
    p *= mu / y;
    if (y >= 2) s += p * y * Math.log(y);
  }
  return 2 * (s - mu * Math.log(mu));
}

function buildTable(): Float64Array {
  const n = (LOG_MAX - LOG_MIN) * PER_DECADE + 1, t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = exactSum(10 ** (LOG_MIN + i / PER_DECADE));
  return t;
}

/**
 * Expected Poisson deviance of one pixel whose counts are drawn at rate μ:
 * `E[D] = Σ_y Poisson(y; μ)·2(y·ln(y/μ) − (y − μ))`, with `y·ln y = 0` at y = 0 — the value a
 * perfect model scores on average at that rate, used to normalize {@link dataResiduals} so a
 * model that explains the data down to the counting noise scores ≈ 1 (McCullagh & Nelder 1989,
 * Generalized Linear Models, 2nd ed., §2.3 for the deviance). It is not 1 at every dose: it
 * tends to 1 (χ² with one degree of freedom) for large μ, peaks at 1.160 near μ = 1.34 and falls to
 * ≈ −2μ·ln μ for μ ≪ 1 — which is why dividing a deviance by the number of pixels is no
 * normalization at the low doses of most detector pixels.
 *
 * Computed: μ ≤ 1e−8: `−2μ·ln μ` (relative error ≈ μ); 1e−8 < μ ≤ 100: linear interpolation in
 * ln μ of the exact pmf sum tabulated at 200 points per decade (relative error < 2e−5, checked
 * against scipy in the tests); μ > 100: `1 + 1/(6μ) + 1/(6μ²)` (the expansion of the exact sum;
 * error < 1e−6). Numbers: `scripts/residual-reference-values.py`.
 *
 * @throws InputError for a negative or non-finite μ
 */
export function expectedPoissonDeviance(mu: number): number {
  if (!(mu >= 0) || !Number.isFinite(mu)) throw new InputError('the Poisson rate must be finite and ≥ 0', { key: 'rate', expected: 'finite μ ≥ 0', actual: String(mu) });
  if (mu === 0) return 0;
  if (mu > ASYMPTOTIC_FROM) return 1 + 1 / (6 * mu) + 1 / (6 * mu * mu);
  const l = Math.log10(mu);
  if (l <= LOG_MIN) return -2 * mu * Math.log(mu);
  table ??= buildTable();
  const x = (l - LOG_MIN) * PER_DECADE, i = Math.min(Math.floor(x), table.length - 2), f = x - i;
  return table[i]! * (1 - f) + table[i + 1]! * f;
}
