import type { ChartSpec } from './chart-svg.js';

/**
 * The cost chart of an ePIE run (`cost.png`): the cost per iteration (`EpieResult.cost` of
 * `@ptychojs/physics`, Σ(|Ψ̂|/N − A)² / ΣA² during each sweep) on a log axis, named by rPIE's α.
 * @shape cost (iterations,)
 */
export function epieCostChart(cost: ArrayLike<number>, rpieAlpha: number): ChartSpec {
  const y = Array.from(cost);
  return {
    title: 'ePIE cost per iteration', xLabel: 'iteration', yLabel: 'cost (relative amplitude misfit)', logY: true, xIntegers: true,
    series: [{ name: `alpha ${rpieAlpha}`, x: y.map((_, i) => i + 1), y }],
  };
}
