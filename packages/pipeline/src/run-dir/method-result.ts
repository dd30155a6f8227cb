import type { EvaluationMetrics } from '@ptychojs/metrics';

/**
 * One reconstruction method of a `run` compared side by side (issue 8): the network, the network
 * refined by ePIE, ePIE from a flat start. In `summary.json` (`methods`) and `report.html`.
 */
export interface MethodResult {
  /**
   * `pretrained`: a pretrained network as it is, no training on this scan (`run --init-model`);
   * `network`: the network trained (or, from a pretrained one, fine-tuned) on this scan; `refined`:
   * the network's object refined by ePIE; `epie`: ePIE from a flat object.
   */
  readonly method: 'pretrained' | 'network' | 'refined' | 'epie';
  /** Its reconstruction directory, relative to the run directory (`pretrained`, `recon`, `refined`, `epie`). */
  readonly dir: string;
  /** ePIE sweeps (refined, epie); absent for the network. */
  readonly iterations?: number;
  /** rPIE α of the object step (refined, epie). */
  readonly alpha?: number;
  /** Last ePIE cost (relative amplitude misfit, see `EpieResult.cost`). */
  readonly finalCost?: number;
  /** Wall time of this step alone, seconds (network: training + inference + stitching; pretrained: inference + stitching). */
  readonly seconds: number;
  /** Wall time from the data to this result, seconds (refined: network + refinement). */
  readonly totalSeconds: number;
  /** The ten SPEC §4 metrics against objectGuess, or null without it. */
  readonly metrics: EvaluationMetrics | null;
}
