import { renderCurvesPng } from '@ptychojs/metrics';
import type { EpochRecord } from '@ptychojs/model';

/** `loss.png`: training loss per epoch, and validation loss when there is any. */
export function lossPng(history: readonly EpochRecord[]): Uint8Array {
  const x = history.map((r) => r.epoch);
  const series = [{ name: 'training loss', x, y: history.map((r) => r.loss) }];
  if (history.some((r) => r.valLoss !== null)) series.push({ name: 'validation loss', x, y: history.map((r) => r.valLoss ?? Number.NaN) });
  return renderCurvesPng({ series, xLabel: 'epoch', yLabel: 'loss (Poisson NLL + weighted terms)', title: 'training history' });
}
