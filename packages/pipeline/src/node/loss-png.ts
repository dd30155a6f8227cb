import { InputError } from '@ptychojs/io';
import type { EpochRecord } from '@ptychojs/model';
import { chartSvg } from '../report/charts/chart-svg.js';
import { lossCharts } from '../report/charts/loss-charts.js';
import { svgToPng } from './svg-to-png.js';

/**
 * `loss.png` of a training or pretraining directory: the first chart of {@link lossCharts} (the
 * weighted total per epoch, with the validation loss when there is one), as the report and the
 * web app draw it, rendered by {@link svgToPng}.
 * @throws InputError when `history` is empty: there is no curve to draw
 */
export function lossPng(history: readonly EpochRecord[]): Uint8Array {
  if (history.length === 0) throw new InputError('lossPng: no epochs to draw', { key: 'history', expected: '≥ 1 epoch', actual: '0' });
  return svgToPng(chartSvg(lossCharts(history)[0]!));
}
