import { expect } from 'vitest';

/** |actual − expected| ≤ rel·|expected| + abs, with a message that shows everything. */
export function expectClose(actual: number, expected: number, rel: number, abs = 0, what = ''): void {
  const tol = rel * Math.abs(expected) + abs, d = Math.abs(actual - expected);
  expect(d <= tol || actual === expected, `${what}: actual ${actual}, expected ${expected}, |Δ| ${d.toExponential(3)} > tol ${tol.toExponential(3)}`).toBe(true);
}
