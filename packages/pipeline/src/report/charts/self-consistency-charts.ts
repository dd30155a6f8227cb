import type { SelfConsistencyRecord } from '../../run-dir/self-consistency-record.js';
import type { ChartSpec } from './chart-svg.js';

/** The parts of a {@link SelfConsistencyRecord} the charts read (what `metrics.json` holds). */
export interface SelfConsistencyChartData {
  readonly residuals: { readonly histogram: { readonly log10Edges: readonly number[]; readonly counts: readonly number[] } };
  readonly halfScanFrc: {
    readonly crossing: number; readonly resolutionPixels: number; readonly resolutionNm: number | null; readonly reachesNyquist: boolean;
    readonly curve: { readonly frequency: readonly number[]; readonly value: readonly number[]; readonly threshold: readonly number[] };
  } | null;
}

/**
 * The charts of a method's self-consistency block (issue 17): the half-scan FRC with its ½-bit
 * threshold curve and the crossing marked (when computed), and the histogram of the positions'
 * log10 normalized deviance with the counting-noise level (0) marked. Drawn by `chartSvg` in the
 * report and the web viewer alike.
 * @param label the method, for the titles
 */
export function selfConsistencyCharts(sc: SelfConsistencyChartData | SelfConsistencyRecord, label = ''): ChartSpec[] {
  const out: ChartSpec[] = [];
  const tag = label ? ` (${label})` : '';
  const f = sc.halfScanFrc;
  if (f) {
    const res = f.reachesNyquist ? '≤ 1 px (reaches Nyquist)' : `${f.resolutionPixels.toFixed(2)} px${f.resolutionNm !== null ? `, ${f.resolutionNm.toPrecision(3)} nm` : ''}`;
    out.push({
      title: `half-scan FRC${tag}: ${res}`, xLabel: 'spatial frequency / Nyquist', yLabel: 'FRC', xInclude: [0, 1], yInclude: [0, 1],
      series: [
        { name: 'FRC of the two halves', x: f.curve.frequency, y: f.curve.value },
        { name: '½-bit threshold', x: f.curve.frequency, y: f.curve.threshold, dashed: true },
        ...(f.reachesNyquist ? [] : [{ name: 'crossing', x: [f.crossing, f.crossing], y: [0, 1], dashed: true }]),
      ],
    });
  }
  const h = sc.residuals.histogram, x: number[] = [], y: number[] = [];
  h.counts.forEach((c, i) => { x.push(h.log10Edges[i]!, h.log10Edges[i + 1]!); y.push(c, c); });
  const ymax = Math.max(1, ...h.counts);
  out.push({
    title: `data residuals per position${tag}`, xLabel: 'log10 normalized deviance (0 = counting noise)', yLabel: 'positions', yInclude: [0, ymax],
    series: [{ name: 'positions', x, y }, { name: 'noise level', x: [0, 0], y: [0, ymax], dashed: true }],
  });
  return out;
}
