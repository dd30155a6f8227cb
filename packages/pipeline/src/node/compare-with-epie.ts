import path from 'node:path';
import type { Reconstruction } from '@ptychojs/io';
import type { ReconstructionFormat } from '@ptychojs/io/node';
import { epieSubsetReconstructor } from '../reconstruct/epie-subset-reconstructor.js';
import { EPIE_SETTINGS_DEFAULTS } from '../reconstruct/epie-settings.js';
import type { MethodResult } from '../run-dir/method-result.js';
import type { Reporter } from '../reporter.js';
import type { ReconstructSubset } from '../reconstruct/self-consistency.js';
import type { Truth } from '../scan/truth-from-arrays.js';
import type { UsableScan } from '../scan/usable-scan.js';
import { scanInMemory } from '../scan/scan-in-memory.js';
import { defaultMemoryBudget } from './default-memory-budget.js';
import { epieToDir } from './epie-to-dir.js';
import { selfConsistencyToDir, type SelfConsistencyOutputs } from './self-consistency-to-dir.js';

/** Options of {@link compareWithEpie}. */
export interface CompareWithEpieOptions {
  /** ePIE sweeps starting from the network's object (→ `refined/`); absent or 0: no refinement. */
  readonly refineIterations?: number;
  /** ePIE sweeps from a flat object (→ `epie/`); absent or 0: no comparison. */
  readonly epieIterations?: number;
  /** rPIE α of both (default 1, plain ePIE). */
  readonly rpieAlpha?: number;
  /** Seed of the position order (default 0). */
  readonly seed?: number;
  /** Ground truth to score against; metrics are null without it… */
  readonly truth?: Truth;
  /** …and then why, recorded in each `metrics.json`. */
  readonly metricsAbsent?: string;
  /** The network's wall time (training + inference), added to the refinement's for its total. */
  readonly networkSeconds: number;
  /**
   * The network's reconstruction of a subset of positions (its half-scan reconstructor), where the
   * refinement's halves start. Without it the refinement's half-scan FRC is absent.
   */
  readonly networkSubset?: ReconstructSubset;
  /** Compute the half-scan FRC (default true): it costs one more ePIE run per method. */
  readonly halfScan?: boolean;
  readonly reporter: Reporter;
  /** Bytes the scan's frames may take in memory (see `epieToDir`). */
  readonly memoryBudget?: number;
  /** `--format` of each ePIE directory, and `--pixel-size`. */
  readonly formats?: readonly ReconstructionFormat[];
  readonly pixelSizeM?: number;
}

/** A method of {@link compareWithEpie}: its summary row, its quality outputs and its pictures. */
export interface ComparedMethod extends MethodResult {
  /** Self-consistency (and the evaluation against the truth, when given) of its reconstruction. */
  readonly quality: SelfConsistencyOutputs;
  /** The PNGs of its reconstruction directory (`epieToDir`), by file name: amplitude, phase, scan, cost. */
  readonly pngs: ReadonlyMap<string, Uint8Array>;
}

/**
 * The classical side of a `run` (issue 8): refine the network's stitched object with K ePIE/rPIE
 * iterations (same probe, same scan; `epieToDir` with it as the starting object) into
 * `out/refined/`, and/or run ePIE from a flat object into `out/epie/`; each assessed like the
 * network (`selfConsistencyToDir`, issue 17: data residuals, half-scan FRC with the same
 * iterations on each half — from the network's half for the refinement, from flat for ePIE —,
 * fluence and probe, and against the truth when given: `metrics.json`, its pictures and `frc.png`
 * in its directory).
 *
 * @returns one {@link ComparedMethod} per step run, refined first
 * @throws InputError from `epie` when the scan and the network's object disagree
 */
export async function compareWithEpie(scan: UsableScan, out: string, network: Reconstruction, opts: CompareWithEpieOptions): Promise<ComparedMethod[]> {
  const rpieAlpha = opts.rpieAlpha ?? EPIE_SETTINGS_DEFAULTS.rpieAlpha, seed = opts.seed ?? EPIE_SETTINGS_DEFAULTS.seed;
  const raw = scanInMemory(scan.raw, opts.memoryBudget ?? defaultMemoryBudget(), 'ePIE and its self-consistency checks');
  const steps: { method: 'refined' | 'epie'; iterations: number }[] = [];
  if (opts.refineIterations) steps.push({ method: 'refined', iterations: opts.refineIterations });
  if (opts.epieIterations) steps.push({ method: 'epie', iterations: opts.epieIterations });
  const results: ComparedMethod[] = [];
  for (const { method, iterations } of steps) {
    const dir = path.join(out, method);
    opts.reporter.info(method === 'refined'
      ? `refining the network's object with ${iterations} ePIE iterations (α = ${rpieAlpha}) into ${dir}`
      : `ePIE from a flat object, ${iterations} iterations (α = ${rpieAlpha}), into ${dir}`);
    const res = await epieToDir(scan, dir, {
      iterations, rpieAlpha, probeUpdate: EPIE_SETTINGS_DEFAULTS.probeUpdate, probeAlpha: EPIE_SETTINGS_DEFAULTS.probeAlpha, seed, reporter: opts.reporter,
      ...(opts.memoryBudget !== undefined ? { memoryBudget: opts.memoryBudget } : {}),
      ...(opts.formats ? { formats: opts.formats } : {}), ...(opts.pixelSizeM !== undefined ? { pixelSizeM: opts.pixelSizeM } : {}),
      ...(method === 'refined' ? { initialObject: network, initLabel: 'network (recon/reconstruction.npz)' } : {}),
    });
    const canHalve = (opts.halfScan ?? true) && (method === 'epie' || opts.networkSubset);
    const quality = await selfConsistencyToDir(raw, dir, res.reconstruction, {
      method, probe: res.probe, probeSource: `probeGuess of the scan, scaled by ${res.probeScale.toPrecision(4)} to the data`, reporter: opts.reporter,
      ...(opts.truth ? { truth: opts.truth } : { metricsAbsent: opts.metricsAbsent ?? 'no ground truth (objectGuess) to score against' }),
      ...(canHalve ? {
        reconstructSubset: epieSubsetReconstructor(raw, { iterations, rpieAlpha, seed, ...(method === 'refined' ? { initial: opts.networkSubset! } : {}) }),
        reconstructSubsetLabel: method === 'refined' ? `the network's reconstruction of the half, refined by ${iterations} ePIE iterations (α = ${rpieAlpha})` : `ePIE from a flat object, ${iterations} iterations (α = ${rpieAlpha})`,
      } : { halfScanAbsent: (opts.halfScan ?? true) ? 'no network half-scan reconstructions to refine' : 'not asked for (--no-half-scan)' }),
    });
    const finalCost = res.cost[res.cost.length - 1]!;
    results.push({
      method, dir: method, iterations, alpha: rpieAlpha, finalCost, seconds: res.seconds,
      totalSeconds: method === 'refined' ? opts.networkSeconds + res.seconds : res.seconds, metrics: quality.evaluation?.metrics ?? null, quality, pngs: res.pngs,
    });
  }
  return results;
}
