import type { EpochRecord } from '@ptychojs/model';
import type { ChartSpec } from './chart-svg.js';

/** Loss terms of an epoch record after the total, with the words a chart shows for them. */
const TERMS: ReadonlyArray<{ key: 'nll' | 'mae' | 'tv' | 'realspace'; title: string }> = [
  { key: 'nll', title: 'Poisson NLL' },
  { key: 'mae', title: 'amplitude MAE' },
  { key: 'tv', title: 'total variation' },
  { key: 'realspace', title: 'real-space term' },
];

/**
 * The training curves of a run's `history.json` (SPEC §3 "Run directory": per epoch each loss
 * term and the validation loss), one chart per quantity since the terms differ by orders of
 * magnitude: the weighted total with the validation loss, then each term (Poisson NLL, amplitude
 * MAE, total variation, real-space), unweighted as recorded. A term that is zero in every epoch
 * (not computed) gets no chart. When epochs carry validation scores (pretraining: amplitude and
 * phase SSIM against the truth of held-out simulated scans), a chart of them comes second.
 */
export function lossCharts(history: readonly EpochRecord[]): ChartSpec[] {
  // Epochs are counted from 1 on the axis, as the log counts them (`epoch 1: loss …`); history.json's `epoch` is 0-based.
  const epochNumber = (r: EpochRecord) => r.epoch + 1;
  const x = history.map(epochNumber);
  // Whole epochs on the axis; one epoch still gets a readable axis around it.
  const axis = { xIntegers: true, xInclude: [Math.max(0, (x[0] ?? 0) - 1), (x.at(-1) ?? 0) + 1] } as const;
  const total: ChartSpec = {
    ...axis,
    title: 'training loss (weighted total)',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [
      { name: 'training', x, y: history.map((r) => r.loss) },
      ...(history.some((r) => r.valLoss !== null) ? [{ name: 'validation', x, y: history.map((r) => r.valLoss ?? Number.NaN) }] : []),
    ],
  };
  const terms = TERMS.filter((t) => history.some((r) => r[t.key] !== 0)).map((t): ChartSpec => ({
    ...axis, title: `${t.title} (per epoch)`, xLabel: 'epoch', yLabel: t.key, series: [{ name: t.key, x, y: history.map((r) => r[t.key]) }],
  }));
  const scored = history.filter((r) => r.scores && r.scores['amp_ssim'] !== undefined);
  const scores: ChartSpec[] = scored.length === 0 ? [] : [{
    ...axis, title: 'validation: SSIM against the truth of held-out simulated scans', xLabel: 'epoch', yLabel: 'SSIM',
    series: [
      { name: 'amplitude SSIM', x: scored.map(epochNumber), y: scored.map((r) => r.scores!['amp_ssim']!) },
      { name: 'phase SSIM', x: scored.map(epochNumber), y: scored.map((r) => r.scores!['phase_ssim'] ?? Number.NaN) },
    ],
  }];
  return [total, ...scores, ...terms];
}
