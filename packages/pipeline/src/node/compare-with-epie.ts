import path from 'node:path';
import type { Reconstruction } from '@ptychojs/io';
import type { ReconstructionFormat } from '@ptychojs/io/node';
import type { MethodResult } from '../method-result.js';
import type { Reporter } from '../reporter.js';
import type { Truth } from '../truth-from-arrays.js';
import type { UsableScan } from '../usable-scan.js';
import { epieToDir } from './epie-to-dir.js';
import { evaluateAndWrite } from './evaluate-and-write.js';

/** Options of {@link compareWithEpie}. */
export interface CompareWithEpieOptions {
  /** ePIE sweeps starting from the network's object (→ `refined/`); absent or 0: no refinement. */
  readonly refineIterations?: number;
  /** ePIE sweeps from a flat object (→ `epie/`); absent or 0: no comparison. */
  readonly epieIterations?: number;
  /** rPIE α of both (default 1, plain ePIE). */
  readonly alpha?: number;
  /** Seed of the position order (default 0). */
  readonly seed?: number;
  /** Ground truth to score against; metrics are null without it. */
  readonly truth?: Truth;
  /** The network's wall time (training + inference), added to the refinement's for its total. */
  readonly networkSeconds: number;
  readonly reporter: Reporter;
  /** Bytes the scan's frames may take in memory (see `epieToDir`). */
  readonly memoryBudget?: number;
  /** `--format` of each ePIE directory, and `--pixel-size`. */
  readonly formats?: readonly ReconstructionFormat[];
  readonly pixelSizeM?: number;
}

/**
 * The classical side of a `run` (issue 8): refine the network's stitched object with K ePIE/rPIE
 * iterations (same probe, same scan; `epieToDir` with it as the starting object) into
 * `out/refined/`, and/or run ePIE from a flat object into `out/epie/`; each scored against the
 * truth like the network (`evaluateAndWrite`: `metrics.json`, `frc.png` in its directory).
 *
 * @returns one {@link MethodResult} per step run, refined first
 * @throws InputError from `epie` when the scan and the network's object disagree
 */
export async function compareWithEpie(scan: UsableScan, out: string, network: Reconstruction, opts: CompareWithEpieOptions): Promise<MethodResult[]> {
  const alpha = opts.alpha ?? 1, seed = opts.seed ?? 0;
  const steps: { method: 'refined' | 'epie'; iterations: number }[] = [];
  if (opts.refineIterations) steps.push({ method: 'refined', iterations: opts.refineIterations });
  if (opts.epieIterations) steps.push({ method: 'epie', iterations: opts.epieIterations });
  const results: MethodResult[] = [];
  for (const { method, iterations } of steps) {
    const dir = path.join(out, method);
    opts.reporter.info(method === 'refined'
      ? `refining the network's object with ${iterations} ePIE iterations (α = ${alpha}) into ${dir}`
      : `ePIE from a flat object, ${iterations} iterations (α = ${alpha}), into ${dir}`);
    const res = await epieToDir(scan, dir, {
      iterations, alpha, probeUpdate: false, probeAlpha: 1, seed, reporter: opts.reporter,
      ...(opts.memoryBudget !== undefined ? { memoryBudget: opts.memoryBudget } : {}),
      ...(opts.formats ? { formats: opts.formats } : {}), ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}),
      ...(method === 'refined' ? { initialObject: network, initLabel: 'network (recon/reconstruction.npz)' } : {}),
    });
    const metrics = opts.truth ? evaluateAndWrite(res.reconstruction, opts.truth, dir).result.metrics : null;
    const finalCost = res.cost[res.cost.length - 1]!;
    results.push({
      method, dir: method, iterations, alpha, finalCost, seconds: res.seconds,
      totalSeconds: method === 'refined' ? opts.networkSeconds + res.seconds : res.seconds, metrics,
    });
  }
  return results;
}
