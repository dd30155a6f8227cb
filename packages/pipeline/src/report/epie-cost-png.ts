import { renderCurvesPng } from '@ptychojs/metrics';

/**
 * `cost.png` of an ePIE run: the cost per iteration (`EpieResult.cost` of `@ptychojs/physics`,
 * Σ(|Ψ̂|/N − A)² / ΣA² during each sweep) on a log axis.
 *
 * @shape cost (iterations,)
 */
export function epieCostPng(cost: ArrayLike<number>, rpieAlpha: number): Uint8Array {
  const y = Array.from(cost);
  return renderCurvesPng({
    series: [{ name: `alpha ${rpieAlpha}`, x: y.map((_, i) => i + 1), y }],
    xLabel: 'iteration', yLabel: 'cost (relative amplitude misfit)', title: 'ePIE cost per iteration', logY: true,
  });
}
